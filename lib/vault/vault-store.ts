import { type Outcome, fail, ok } from '../result';
import type { Connection } from '../connections/schema';
import type { RemovableAreaLike, ReportingArea } from '../storage/storage-area';
import { moveIntoIndexedDb } from './move-to-indexed-db';
import type { Change } from './operations';
import { type VaultState, parseVault } from './parse-vault';
import { REVISION_KEY, allItems, assembleVault, changedItems, deletedKeys } from './vault-layout';
import { createSerialQueue } from './serial-queue';
import { type ConnectionResults, resultKey, toStored } from '../results/result-schema';
import type { SessionKeys } from './session-key';
import { isRightKey } from '../crypto/seal';
import { type VaultLock, hasKeysOfKind, sealKeys, unsealWhatOpens } from './vault-lock';

/**
 * The vault's single writer, owned by the background. Every change is a read-modify-write run one
 * at a time, so queued writers never lose each other's update. A change writes only the records
 * it touched (vault-layout.ts), in one `set` call, which is atomic: a service worker stopped
 * mid-way leaves either the old or the new vault. A record that fails validation is quarantined
 * alone; the others stay as they are.
 *
 * It is also where keys are sealed and unsealed: changes see keys in clear while the vault is
 * unlocked (sealed while it is locked), and a vault with a passphrase is only ever written sealed.
 *
 * `area` is where the vault lies (vault-area.ts); `legacy` is storage.local where the vault moved
 * out of it (move-to-indexed-db.ts): v7 and older lie there until they move, and so do results.
 */
/** The stored form of results a migration carried out of the records (vault v4). */
const carriedItems = (carried: Record<string, ConnectionResults> = {}) =>
  Object.fromEntries(Object.entries(carried).map(([id, results]) => [resultKey(id), toStored(results)]));

export function createVaultStore(area: RemovableAreaLike & Pick<ReportingArea, 'set'>, sessionKeys: SessionKeys, legacy?: RemovableAreaLike) {
  const enqueue = createSerialQueue();
  // The vault as stored (keys sealed where they are sealed at rest), read and validated once and
  // then kept: every message would otherwise re-read and re-validate the whole vault. Every write
  // stores a new revision with it, and the copy is used only while the stored revision is the one
  // it was read or written with: a write by anything else (a second background, a test) drops it.
  let kept: { state: VaultState; revision: unknown } | undefined;
  // The keys in clear, opened from the stored (sealed) records they came from: a change that
  // leaves a connection alone writes back the very record it read, without sealing it again.
  const sealedOf = new WeakMap<Connection, Connection>();

  async function store(items: Record<string, unknown>, next: VaultState): Promise<void> {
    const revision = crypto.randomUUID();
    kept = undefined;
    await area.set({ ...items, [REVISION_KEY]: revision });
    kept = { state: next, revision };
    const deleted = deletedKeys(items);
    // Only tidying: a null record reads as no record, so a worker stopped here loses nothing.
    if (deleted.length > 0) await area.remove(deleted).catch(() => undefined);
  }

  async function readAtRest(): Promise<Outcome<VaultState>> {
    const { [REVISION_KEY]: revision } = await area.get(REVISION_KEY);
    if (kept && kept.revision === revision) return ok(kept.state);
    let stored = await area.get(null);
    if (legacy) stored = await moveIntoIndexedDb(stored, area, legacy);
    const parsed = parseVault(assembleVault(stored));
    if (parsed.kind === 'newer') return fail('vault-from-newer-version');
    if (parsed.dirty) {
      // Results a migration took out of the records (v4) live beside the results stored since, and
      // go first: a worker stopped before the records are written carries them out again.
      if (parsed.carried) await (legacy ?? area).set(carriedItems(parsed.carried));
      await store(allItems(parsed.state, stored), parsed.state);
    } else kept = { state: parsed.state, revision };
    return ok(parsed.state);
  }

  async function load(): Promise<Outcome<{ atRest: VaultState; state: VaultState }>> {
    const read = await readAtRest();
    if (!read.ok) return read;
    const atRest = read.value;
    if (!atRest.lock || !hasKeysOfKind(atRest.connections, 'sealed')) return ok({ atRest, state: atRest });
    const key = await currentKey(atRest.lock);
    if (!key) return ok({ atRest, state: atRest });
    const opened = await unsealWhatOpens(atRest.connections, key);
    opened.forEach((connection, i) => sealedOf.set(connection, atRest.connections[i]!));
    return ok({ atRest, state: { ...atRest, connections: opened } });
  }

  /**
   * The session's key, if it is this vault's: one left over from before a passphrase change
   * (elsewhere, or by a write that failed) must neither open nor seal anything, so it is dropped.
   */
  async function currentKey(lock: VaultLock): Promise<CryptoKey | undefined> {
    const key = await sessionKeys.get();
    if (!key || (await isRightKey(key, lock.verifier))) return key;
    await sessionKeys.clear();
    return undefined;
  }

  async function save(state: VaultState, atRest: VaultState): Promise<Outcome<null>> {
    // Untouched connections go back as the records they were read from: those unsealed for this
    // change as they were sealed (only a vault with a passphrase has any).
    let connections = atRest.lock && state.lock === atRest.lock ? state.connections.map((c) => sealedOf.get(c) || c) : state.connections;
    if (state.lock && hasKeysOfKind(connections, 'plain')) {
      const key = await currentKey(state.lock);
      if (!key) return fail('locked');
      const toSeal = connections.filter((c) => hasKeysOfKind([c], 'plain'));
      const sealed = new Map(toSeal.map((c, i) => [c, i]));
      const sealedNow = await sealKeys(toSeal, key);
      connections = connections.map((c) => (sealed.has(c) ? sealedNow[sealed.get(c)!]! : c));
    } else if (!state.lock && hasKeysOfKind(connections, 'sealed')) {
      return fail('locked');
    }
    const next = { ...state, connections };
    await store(changedItems(next, atRest), next);
    return ok(null);
  }

  return {
    /** The vault as stored, keys sealed where they are sealed at rest: what the pages show. */
    readStored: (): Promise<Outcome<VaultState>> => enqueue(readAtRest),

    read: (): Promise<Outcome<VaultState>> =>
      enqueue(async () => {
        const loaded = await load();
        return loaded.ok ? ok(loaded.value.state) : loaded;
      }),

    change<T>(apply: (state: VaultState) => Change<T> | Promise<Change<T>>): Promise<Outcome<T>> {
      return enqueue(async () => {
        const loaded = await load();
        if (!loaded.ok) return loaded;
        const { atRest, state } = loaded.value;
        const outcome = await apply(state);
        if (!outcome.ok) return outcome;
        if (outcome.value.state !== state) {
          const saved = await save(outcome.value.state, atRest);
          if (!saved.ok) return saved;
        }
        return ok(outcome.value.result);
      });
    },
  };
}

export type VaultStore = ReturnType<typeof createVaultStore>;
