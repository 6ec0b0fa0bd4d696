import { type Outcome, fail, ok } from '../result';
import { createSerialQueue } from './serial-queue';
import type { Change } from './operations';
import { type VaultState, VAULT_STORAGE_KEY, parseVault, serializeVault } from './parse-vault';

/** The part of `browser.storage.local` the vault needs; a fake in unit tests. */
export interface VaultArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * The vault's single writer, owned by the background. Every change is a read-modify-write of the
 * whole vault under one storage key, run one at a time: one `set` call is atomic, so a service
 * worker stopped mid-way leaves either the old or the new vault, and queued writers never lose
 * each other's update.
 */
export function createVaultStore(area: VaultArea) {
  const enqueue = createSerialQueue();

  async function load(): Promise<Outcome<VaultState>> {
    const stored = await area.get(VAULT_STORAGE_KEY);
    const parsed = parseVault(stored[VAULT_STORAGE_KEY]);
    if (parsed.kind === 'newer') return fail('vault-from-newer-version');
    if (parsed.dirty) await area.set({ [VAULT_STORAGE_KEY]: serializeVault(parsed.state) });
    return ok(parsed.state);
  }

  return {
    read: (): Promise<Outcome<VaultState>> => enqueue(load),

    change<T>(apply: (state: VaultState) => Change<T>): Promise<Outcome<T>> {
      return enqueue(async () => {
        const loaded = await load();
        if (!loaded.ok) return loaded;
        const outcome = apply(loaded.value);
        if (!outcome.ok) return outcome;
        if (outcome.value.state !== loaded.value) {
          await area.set({ [VAULT_STORAGE_KEY]: serializeVault(outcome.value.state) });
        }
        return ok(outcome.value.result);
      });
    },
  };
}

export type VaultStore = ReturnType<typeof createVaultStore>;
