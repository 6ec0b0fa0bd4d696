/** Enough of a key to tell two apart, never enough to use: the prefix and the last four. */
export function maskKey(key: string): string {
  const dash = key.indexOf('-');
  const prefix = dash > 0 && dash <= 8 ? key.slice(0, dash + 1) : '';
  return `${prefix}••••••••${key.slice(-4)}`;
}
