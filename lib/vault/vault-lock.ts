import { z } from '../schema/z';
import type { Connection, StoredKey } from '../connections/schema';
import { kdfParamsSchema } from '../crypto/passphrase-key';
import { sealedSchema, seal, unseal } from '../crypto/seal';

/** Present when the user set a passphrase: how to derive the key, and a check of it. */
export const vaultLockSchema = z.strictObject({ kdf: kdfParamsSchema, verifier: sealedSchema });
export type VaultLock = z.infer<typeof vaultLockSchema>;

type KeyMapper = (stored: StoredKey) => Promise<StoredKey>;

async function mapKeys(connections: Connection[], map: KeyMapper): Promise<Connection[]> {
  return Promise.all(
    connections.map(async (c) => ({
      ...c,
      key: await map(c.key),
      ...(c.previousKey && { previousKey: await map(c.previousKey) }),
    })),
  );
}

export const sealKeys = (connections: Connection[], key: CryptoKey) =>
  mapKeys(connections, async (stored) =>
    stored.kind === 'plain' ? { kind: 'sealed', ...(await seal(key, stored.value)) } : stored,
  );

/** Throws if `key` is not the one the keys were sealed with. */
export const unsealKeys = (connections: Connection[], key: CryptoKey) =>
  mapKeys(connections, async (stored) =>
    stored.kind === 'sealed' ? { kind: 'plain', value: await unseal(key, stored) } : stored,
  );

/**
 * Opens what `key` opens and leaves the rest sealed: one record sealed under an older
 * passphrase (an Undo of a delete from before a change, say) must not lock the whole vault.
 */
export const unsealWhatOpens = (connections: Connection[], key: CryptoKey) =>
  mapKeys(connections, async (stored) => {
    if (stored.kind !== 'sealed') return stored;
    try {
      return { kind: 'plain', value: await unseal(key, stored) };
    } catch {
      return stored;
    }
  });

export const hasKeysOfKind = (connections: Connection[], kind: StoredKey['kind']) =>
  connections.some((c) => c.key.kind === kind || c.previousKey?.kind === kind);
