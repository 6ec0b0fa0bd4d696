import type { Connection } from '../connections/schema';
import { oldestFirst } from '../connections/added-order';

export const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Names the collator ties ("prod", "Prod") go by date added, then id: whatever order a list comes
 * in (the background's, the page's), the same connections sort the same way.
 */
export const byName = (a: Connection, b: Connection) => collator.compare(a.name, b.name) || oldestFirst(a, b);
