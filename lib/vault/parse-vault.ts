import { count, text, z } from '../schema/z';
import { type Connection, type TestResult, connectionSchema } from '../connections/schema';
import { VAULT_VERSION, migrateVault } from './migrations';
import { type ConnectionResults, clampResult, withResult } from '../results/result-schema';
import { metaOf } from './vault-layout';
import { type VaultLock, vaultLockSchema } from './vault-lock';

export { VAULT_STORAGE_KEY } from './vault-layout';

export const quarantinedSchema = z.object({
  /** The record exactly as it was stored, as JSON text, so nothing in it is lost. */
  raw: z.string(),
  reason: text(500),
  at: count(),
});
export type Quarantined = z.infer<typeof quarantinedSchema>;

export interface VaultState {
  connections: Connection[];
  quarantine: Quarantined[];
  /** Set while a passphrase protects the keys. */
  lock?: VaultLock;
}

/** The stored shape of the current version; each connection is checked one by one. */
const storedVaultSchema = z.object({
  version: z.literal(VAULT_VERSION),
  connections: z.array(z.unknown()),
  quarantine: z._default(z.array(quarantinedSchema), []),
  lock: z.optional(vaultLockSchema),
});

export type ParsedVault =
  | {
      kind: 'ok';
      state: VaultState;
      /** The stored form differs from `state` and should be rewritten. */
      dirty: boolean;
      /** Results a migration took out of the records (v4), to be stored with the rewritten vault. */
      carried?: Record<string, ConnectionResults>;
    }
  | { kind: 'newer'; version: number };

export const emptyVault = (): VaultState => ({ connections: [], quarantine: [] });

/** The logical vault object, as parseVault reads it. */
export const serializeVault = (state: VaultState) => ({ ...metaOf(state), connections: state.connections });

function toText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function describe(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`)
    .join('; ')
    .slice(0, 500);
}

/** A result the v4 migration carried out of a record; one that does not validate is dropped alone. */
function carriedResults(raw: unknown, ids: ReadonlySet<string>, now: number): Record<string, ConnectionResults> | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const entries = Object.entries(raw as Record<string, unknown>).flatMap(([id, result]) => {
    const safe = ids.has(id) ? clampResult(result as TestResult, now) : undefined;
    return safe ? [[id, withResult({ history: [] }, safe)] as const] : [];
  });
  return entries.length ? Object.fromEntries(entries) : undefined;
}

/**
 * Reads whatever is stored under the vault key without ever throwing or dropping data: records
 * that fail validation are moved to the quarantine with their raw text, and a vault written by a
 * newer version of the extension is reported rather than touched.
 */
export function parseVault(raw: unknown, now = Date.now()): ParsedVault {
  if (raw === undefined || raw === null) return { kind: 'ok', state: emptyVault(), dirty: false };
  const migrated = migrateVault(raw);
  if (migrated.kind === 'newer') return migrated;
  if (migrated.kind === 'unreadable') {
    return {
      kind: 'ok',
      state: { connections: [], quarantine: [{ raw: toText(raw), reason: migrated.reason, at: now }] },
      dirty: true,
    };
  }
  const stored = storedVaultSchema.safeParse(migrated.value);
  if (!stored.success) {
    return {
      kind: 'ok',
      state: { connections: [], quarantine: [{ raw: toText(raw), reason: describe(stored.error), at: now }] },
      dirty: true,
    };
  }
  const state: VaultState = {
    connections: [],
    quarantine: [...stored.data.quarantine],
    ...(stored.data.lock && { lock: stored.data.lock }),
  };
  const ids = new Set<string>();
  for (const record of stored.data.connections) {
    const parsed = connectionSchema.safeParse(record);
    if (!parsed.success) {
      state.quarantine.push({ raw: toText(record), reason: describe(parsed.error), at: now });
    } else if (ids.has(parsed.data.id)) {
      state.quarantine.push({ raw: toText(record), reason: 'duplicate id', at: now });
    } else {
      ids.add(parsed.data.id);
      state.connections.push(parsed.data);
    }
  }
  const dirty = migrated.from !== VAULT_VERSION || state.quarantine.length !== stored.data.quarantine.length;
  const carried = carriedResults(migrated.value.carriedResults, ids, now);
  return { kind: 'ok', state, dirty, ...(carried && { carried }) };
}
