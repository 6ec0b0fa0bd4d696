import type { Connection } from '../connections/schema';
import { byName } from './by-name';

/**
 * The first `count` of sortConnections(connections, 'name'), in that order, without sorting them
 * all: the popup's first screen is asked for before the whole vault.
 */
export function firstByName(connections: readonly Connection[], count: number): Connection[] {
  const top: Connection[] = [];
  if (count < 1) return top;
  for (const connection of connections) {
    if (top.length === count && byName(connection, top[count - 1]!) >= 0) continue;
    let low = 0;
    let high = top.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (byName(connection, top[middle]!) < 0) high = middle;
      else low = middle + 1;
    }
    top.splice(low, 0, connection);
    if (top.length > count) top.pop();
  }
  return top;
}
