/** Connection names are unique regardless of case and surrounding spaces. */
export function nameKey(name: string): string {
  return name.trim().toLocaleLowerCase('en');
}

export function findByName<T extends { name: string }>(items: readonly T[], name: string): T | undefined {
  const key = nameKey(name);
  return items.find((item) => nameKey(item.name) === key);
}
