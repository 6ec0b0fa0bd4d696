/**
 * One step per shipped schema version: `steps[n]` turns a version-n vault into version n + 1.
 * Every version that ever shipped has a golden example in tests/golden/ that must migrate to
 * today's shape.
 */
const steps: Record<number, (vault: Record<string, unknown>) => Record<string, unknown>> = {
  // v2 added sealed keys and the optional passphrase lock; every v1 vault is a valid v2 vault.
  1: (vault) => vault,
  // v3 records when and how a rotated key replaced the previous one. A v2 vault never said; its
  // previous keys get their connection's last update as the date and "unknown" as the way.
  2: (vault) => ({
    ...vault,
    connections: Array.isArray(vault.connections) ? vault.connections.map(datePreviousKey) : vault.connections,
  }),
  // v4 keeps test results apart from the vault (lib/results/): each record's `lastTest` moves to
  // `carriedResults`, which parseVault hands to the store to write beside the vault in the same
  // storage call, so nothing is lost and no result can quarantine its connection any more.
  3: (vault) => {
    if (!Array.isArray(vault.connections)) return vault;
    const carriedResults: Record<string, unknown> = {};
    const connections = vault.connections.map((connection: unknown) => {
      if (!isRecord(connection) || !('lastTest' in connection)) return connection;
      const { lastTest, ...rest } = connection;
      if (typeof rest.id === 'string' && lastTest !== undefined) carriedResults[rest.id] = lastTest;
      return rest;
    });
    return { ...vault, connections, carriedResults };
  },
  // v5 stores one key per connection (vault-layout.ts). The logical vault is the same object;
  // only where it lies in storage changes, which the store writes as it reads an older one.
  4: (vault) => vault,
  5: addPreviousUrls,
  // v7 records where the ServiceNow helper filled each key (`usedIn`); a vault before it filled
  // nowhere, so every connection gets an empty list. Nothing else is touched.
  6: (vault) => ({
    ...vault,
    connections: Array.isArray(vault.connections) ? vault.connections.map(addUsedIn) : vault.connections,
  }),
  // v8 keeps the vault in IndexedDB instead of storage.local (move-to-indexed-db.ts). The logical
  // vault is the same object; the store moves an older one as it first reads it.
  7: (vault) => vault,
};

export const VAULT_VERSION = 8;

function addUsedIn(connection: unknown): unknown {
  return isRecord(connection) && connection.usedIn === undefined ? { ...connection, usedIn: [] } : connection;
}

function datePreviousKey(connection: unknown): unknown {
  if (!isRecord(connection) || connection.previousKey === undefined || connection.keyReplaced !== undefined) return connection;
  const at = typeof connection.updatedAt === 'number' && connection.updatedAt >= 0 ? connection.updatedAt : 0;
  return { ...connection, keyReplaced: { at, via: 'unknown' } };
}

/**
 * v6 keeps the URL that went with a previous key, so Undo restores both. Before, a rotation never
 * recorded it: Undo kept the current URL, so that is what a v5 previous key gets. Only adds
 * `previousUrl`; touches nothing else.
 */
export function addPreviousUrls(vault: Record<string, unknown>): Record<string, unknown> {
  return {
    ...vault,
    connections: Array.isArray(vault.connections) ? vault.connections.map(datePreviousUrl) : vault.connections,
  };
}

function datePreviousUrl(connection: unknown): unknown {
  if (!isRecord(connection) || connection.previousKey === undefined || connection.previousUrl !== undefined) return connection;
  return { ...connection, previousUrl: connection.url };
}

export type Migrated =
  | { kind: 'ok'; from: number; value: Record<string, unknown> }
  | { kind: 'newer'; version: number }
  | { kind: 'unreadable'; reason: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function migrateVault(raw: unknown): Migrated {
  if (!isRecord(raw)) return { kind: 'unreadable', reason: 'the vault is not an object' };
  const from = raw.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) {
    return { kind: 'unreadable', reason: 'the vault has no valid version' };
  }
  if (from > VAULT_VERSION) return { kind: 'newer', version: from };
  let value = raw;
  for (let version = from; version < VAULT_VERSION; version++) {
    const step = steps[version];
    if (!step) return { kind: 'unreadable', reason: `no migration from version ${version}` };
    value = { ...step(value), version: version + 1 };
  }
  return { kind: 'ok', from, value };
}
