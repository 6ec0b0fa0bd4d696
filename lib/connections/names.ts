/** Connection names are unique regardless of case and of spacing (as normalizeName stores them). */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

export function findByName<T extends { name: string }>(items: readonly T[], name: string): T | undefined {
  const key = nameKey(name);
  return items.find((item) => nameKey(item.name) === key);
}
