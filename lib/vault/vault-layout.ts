import type { Connection } from '../connections/schema';
import { VAULT_VERSION } from './migrations';
import type { VaultState } from './parse-vault';

/**
 * How the vault lies in storage since version 5: one key per connection (`vault.c.<id>`) and one
 * for the rest (`vault`: version, quarantine, lock). A change writes only the records it touched,
 * so its cost does not grow with the vault; a change that touches several is still one `set`
 * call, which storage applies atomically. A deleted record is first set to null (in that same
 * atomic `set`), then removed. Before version 5 the whole vault was one object under `vault`.
 * The same keys lie in IndexedDB since version 8 (move-to-indexed-db.ts).
 */
export const VAULT_STORAGE_KEY = 'vault';
export const RECORD_PREFIX = 'vault.c.';
/** A new value with every write, so that a kept copy can tell whether it is still what is stored. */
export const REVISION_KEY = 'vault.revision';
/** Where the keys above lie since version 8 (before it, in storage.local). */
export const VAULT_DATABASE = { database: 'vault', store: 'items', version: 1 } as const;
/** The first version stored one key per connection. */
export const SPLIT_FROM = 5;

export const recordKey = (id: string) => `${RECORD_PREFIX}${id}`;
export const isVaultKey = (key: string) => key === VAULT_STORAGE_KEY || key.startsWith(RECORD_PREFIX);
/** Every key the vault's store writes: its own and the revision. */
export const isWrittenByVault = (key: string) => isVaultKey(key) || key === REVISION_KEY;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The stored records in a stable order: when they were added, then by key. */
function recordsOf(items: Record<string, unknown>): unknown[] {
  const when = (value: unknown) => (isRecord(value) && typeof value.createdAt === 'number' ? value.createdAt : Infinity);
  return Object.keys(items)
    .filter((key) => key.startsWith(RECORD_PREFIX) && items[key] !== null && items[key] !== undefined)
    .map((key) => ({ key, value: items[key], at: when(items[key]) }))
    .sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((entry) => entry.value);
}

/**
 * The logical vault object (what migrateVault and parseVault read) from everything in storage:
 * an old single-key vault as it is, a split one with its records put back in. Records without a
 * readable `vault` key are kept too, and the broken key quarantined: nothing stored is dropped.
 */
export function assembleVault(items: Record<string, unknown>): unknown {
  const meta = items[VAULT_STORAGE_KEY];
  const records = recordsOf(items);
  if (isRecord(meta) && typeof meta.version === 'number' && meta.version >= SPLIT_FROM) {
    return { ...meta, connections: records };
  }
  if (records.length > 0) {
    // Records with no readable `vault` key beside them: they are kept, and so is the broken key.
    const broken = meta === undefined || meta === null ? [] : [{ raw: JSON.stringify(meta) ?? String(meta), reason: 'unreadable vault key', at: 0 }];
    return { version: VAULT_VERSION, quarantine: broken, connections: records };
  }
  return meta;
}

/** What the `vault` key holds: everything but the connections. */
export const metaOf = (state: VaultState) => ({
  version: VAULT_VERSION,
  quarantine: state.quarantine,
  ...(state.lock && { lock: state.lock }),
});

/**
 * Everything `state` needs stored, from scratch (a migration or a rewrite after quarantining):
 * every record, the `vault` key, and null for every other record key in `stored`.
 */
export function allItems(state: VaultState, stored: Record<string, unknown>): Record<string, unknown> {
  const items: Record<string, unknown> = {};
  for (const key of Object.keys(stored)) if (key.startsWith(RECORD_PREFIX) && stored[key] !== null) items[key] = null;
  for (const connection of state.connections) items[recordKey(connection.id)] = connection;
  items[VAULT_STORAGE_KEY] = metaOf(state);
  return items;
}

/**
 * What changed from `before` to `after`, both as stored: the records that are not the very same
 * objects (operations copy only what they change), null for deleted ones, and the `vault` key
 * when the quarantine or the lock changed.
 */
export function changedItems(after: VaultState, before: VaultState): Record<string, unknown> {
  const items: Record<string, unknown> = {};
  const [now, was] = [after.connections, before.connections];
  // Most changes replace or append records in place: walk both lists side by side, and look
  // records up by id only from where they stop lining up (a removal, a restore, an import).
  let same = 0;
  for (; same < now.length && same < was.length && now[same]!.id === was[same]!.id; same++) {
    if (now[same] !== was[same]) items[recordKey(now[same]!.id)] = now[same];
  }
  const previous = new Map<string, Connection>(was.slice(same).map((c) => [c.id, c]));
  for (const connection of now.slice(same)) {
    if (previous.get(connection.id) !== connection) items[recordKey(connection.id)] = connection;
    previous.delete(connection.id);
  }
  for (const id of previous.keys()) items[recordKey(id)] = null;
  if (after.quarantine !== before.quarantine || after.lock !== before.lock) items[VAULT_STORAGE_KEY] = metaOf(after);
  return items;
}

/** The keys a write set to null, to remove once it is stored. */
export const deletedKeys = (items: Record<string, unknown>) => Object.keys(items).filter((key) => items[key] === null);

