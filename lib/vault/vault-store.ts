import { type Outcome, fail, ok } from '../result';
import type { StorageAreaLike } from '../storage/storage-area';
import type { Change } from './operations';
import { type VaultState, VAULT_STORAGE_KEY, parseVault, serializeVault } from './parse-vault';
import { createSerialQueue } from './serial-queue';
import { type ConnectionResults, resultKey, toStored } from '../results/result-schema';
import type { SessionKeys } from './session-key';
import { isRightKey } from '../crypto/seal';
import { type VaultLock, hasKeysOfKind, sealKeys, unsealWhatOpens } from './vault-lock';

/**
 * The vault's single writer, owned by the background. Every change is a read-modify-write of the
 * whole vault under one storage key, run one at a time: one `set` call is atomic, so a service
 * worker stopped mid-way leaves either the old or the new vault, and queued writers never lose
 * each other's update.
 *
 * It is also where keys are sealed and unsealed: changes see keys in clear while the vault is
 * unlocked (sealed while it is locked), and a vault with a passphrase is only ever written sealed.
 */
export function createVaultStore(
  area: StorageAreaLike,
  sessionKeys: SessionKeys,
  /** Calls back with the new stored value whenever the vault changes, whoever wrote it (storage.onChanged). */
  watch?: (onChange: (stored: unknown) => void) => void,
) {
  const enqueue = createSerialQueue();
  // The vault as stored (keys sealed where they are sealed at rest), read and validated once and
  // then kept: every message would otherwise re-read and re-validate the whole vault. Anything
  // stored that is not exactly what this store last wrote drops the copy.
  let atRest: VaultState | undefined;
  let lastWritten: string | undefined;
  watch?.((stored) => {
    if (JSON.stringify(stored) !== lastWritten) atRest = undefined;
  });

  /** `carried`: results a migration took out of the records, stored in the same atomic call. */
  async function write(state: VaultState, carried: Record<string, ConnectionResults> = {}): Promise<void> {
    const serialized = serializeVault(state);
    lastWritten = JSON.stringify(serialized);
    const results = Object.fromEntries(Object.entries(carried).map(([id, r]) => [resultKey(id), toStored(r)]));
    try {
      await area.set({ [VAULT_STORAGE_KEY]: serialized, ...results });
    } catch (error) {
      lastWritten = undefined;
      atRest = undefined;
      throw error;
    }
    atRest = watch ? state : undefined;
  }

  async function readAtRest(): Promise<Outcome<VaultState>> {
    if (atRest) return ok(atRest);
    const stored = await area.get(VAULT_STORAGE_KEY);
    const parsed = parseVault(stored[VAULT_STORAGE_KEY]);
    if (parsed.kind === 'newer') return fail('vault-from-newer-version');
    if (parsed.dirty) await write(parsed.state, parsed.carried);
    else if (watch) atRest = parsed.state;
    return ok(parsed.state);
  }

  async function load(): Promise<Outcome<VaultState>> {
    const read = await readAtRest();
    if (!read.ok) return read;
    const state = read.value;
    if (!state.lock || !hasKeysOfKind(state.connections, 'sealed')) return ok(state);
    const key = await currentKey(state.lock);
    return ok(key ? { ...state, connections: await unsealWhatOpens(state.connections, key) } : state);
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

  async function save(state: VaultState): Promise<Outcome<null>> {
    let connections = state.connections;
    if (state.lock && hasKeysOfKind(connections, 'plain')) {
      const key = await currentKey(state.lock);
      if (!key) return fail('locked');
      connections = await sealKeys(connections, key);
    } else if (!state.lock && hasKeysOfKind(connections, 'sealed')) {
      return fail('locked');
    }
    await write({ ...state, connections });
    return ok(null);
  }

  return {
    read: (): Promise<Outcome<VaultState>> => enqueue(load),

    change<T>(apply: (state: VaultState) => Change<T> | Promise<Change<T>>): Promise<Outcome<T>> {
      return enqueue(async () => {
        const loaded = await load();
        if (!loaded.ok) return loaded;
        const outcome = await apply(loaded.value);
        if (!outcome.ok) return outcome;
        if (outcome.value.state !== loaded.value) {
          const saved = await save(outcome.value.state);
          if (!saved.ok) return saved;
        }
        return ok(outcome.value.result);
      });
    },
  };
}

export type VaultStore = ReturnType<typeof createVaultStore>;
