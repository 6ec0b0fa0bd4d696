import type { Connection } from '@/lib/connections/schema';

/**
 * Enough of a key to tell two apart, never enough to use: its prefix and last four. A sealed
 * key shows only dots: nothing of it is readable while the vault is locked.
 */
export function maskKey(connection: Connection): string {
  if (connection.key.kind !== 'plain') return '••••••••••••';
  const key = connection.key.value;
  const dash = key.indexOf('-');
  const prefix = dash > 0 && dash <= 8 ? key.slice(0, dash + 1) : '';
  return `${prefix}••••••••${key.slice(-4)}`;
}
