import { rememberByText } from '../memo/remember-by-text';

/**
 * Connection names. What the user typed is stored (trimmed, invisible format characters
 * removed); two names are the same when they match after NFKC normalisation, regardless of case
 * and spacing. Names that only look alike (Latin "o" and Cyrillic "о") stay different names, but
 * the form warns about them (lookalike-names.ts).
 */

/**
 * Unicode format characters (zero-width spaces and joiners, bidi embeddings, overrides and
 * isolates, the BOM, soft hyphens): invisible, so two names that differ only by them would look
 * the same in the list.
 */
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/** What is stored: as typed, without invisible characters, edges trimmed and spacing folded. */
export function cleanName(raw: string): string {
  return raw.replace(FORMAT_CHARACTERS, '').trim().replace(/\s+/g, ' ');
}

/** Printable ASCII has no format characters and is its own NFKC form. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/**
 * Two names are the same name when their keys are equal. Remembered: every add, rename and import
 * compares a name with every saved one, and the list compares them all when it opens, so the same
 * names come back again and again.
 */
export const nameKey = rememberByText((name: string): string => {
  const folded = PLAIN_ASCII.test(name) ? name.trim().replace(/ +/g, ' ') : cleanName(cleanName(name).normalize('NFKC'));
  // Unicode's default lowercase: what toLocaleLowerCase('en') gives (only tr, az and lt differ), faster.
  return folded.toLowerCase();
});

export function findByName<T extends { name: string }>(items: readonly T[], name: string): T | undefined {
  const key = nameKey(name);
  return items.find((item) => nameKey(item.name) === key);
}

/**
 * Connections whose name is the same as another's under today's rule. Vaults written before it
 * can hold such pairs ("Prod" and "Prod\u200B"); every one is kept, and the user is asked to
 * rename them. Computed on read, so nothing stored changes.
 */
export function sameNameIds(items: readonly { id: string; name: string }[]): Set<string> {
  const byKey = new Map<string, string[]>();
  for (const item of items) {
    const key = nameKey(item.name);
    const ids = byKey.get(key);
    if (ids) ids.push(item.id);
    else byKey.set(key, [item.id]);
  }
  return new Set([...byKey.values()].filter((ids) => ids.length > 1).flat());
}
