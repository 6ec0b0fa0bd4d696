import type { Connection } from './schema';

/** Oldest first, then by id: one order for the same connections, whatever order they came in. */
export const oldestFirst = (a: Connection, b: Connection): number =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
