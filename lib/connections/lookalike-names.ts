import { nameKey } from './names';

/**
 * Names that look alike without being the same name (names.ts): the form warns about them. Apart
 * from names.ts because only the form needs this table; the list needs only nameKey.
 */
// Cyrillic and Greek letters drawn like Latin ones (Unicode's confusables, the lowercase letters
// names are made of after case folding).
const LOOKALIKES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  ѕ: 's', і: 'i', ї: 'i', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l', ɡ: 'g',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
};

/** The name as it looks: its key with look-alike letters replaced by the Latin ones they mimic. */
function skeleton(name: string): string {
  return [...nameKey(name)].map((ch) => LOOKALIKES[ch] ?? ch).join('');
}

/** An existing item whose name looks like `name` without being the same name, to warn about. */
export function findLookalike<T extends { name: string; id: string }>(
  items: readonly T[],
  name: string,
  exceptId?: string,
): T | undefined {
  const key = nameKey(name);
  const look = skeleton(name);
  if (!key) return undefined;
  return items.find((item) => item.id !== exceptId && nameKey(item.name) !== key && skeleton(item.name) === look);
}
