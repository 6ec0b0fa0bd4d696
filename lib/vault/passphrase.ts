import { deriveKey, newKdfParams } from '../crypto/passphrase-key';
import { VERIFIER_TEXT, isRightKey, seal } from '../crypto/seal';
import { type Outcome, fail, ok } from '../result';
import type { Change } from './operations';
import type { VaultState } from './parse-vault';
import type { SessionKeys } from './session-key';
import { type VaultLock, hasKeysOfKind, unsealKeys } from './vault-lock';

/** Long enough that PBKDF2 is not the only thing standing between a copied profile and the keys. */
export const MIN_PASSPHRASE_LENGTH = 8;

/**
 * Passphrase changes. Each returns the next vault state; the vault store then writes it sealed
 * with the session key set here, in one write, so keys are never half re-encrypted.
 */

async function newLock(passphrase: string): Promise<{ lock: VaultLock; key: CryptoKey }> {
  const kdf = newKdfParams();
  const key = await deriveKey(passphrase, kdf);
  return { lock: { kdf, verifier: await seal(key, VERIFIER_TEXT) }, key };
}

/** The key the passphrase derives, if it is the vault's passphrase. */
export async function checkPassphrase(lock: VaultLock, passphrase: string): Promise<CryptoKey | undefined> {
  const key = await deriveKey(passphrase, lock.kdf);
  return (await isRightKey(key, lock.verifier)) ? key : undefined;
}

const tooShort = (passphrase: string) => passphrase.length < MIN_PASSPHRASE_LENGTH;

export async function setPassphrase(
  state: VaultState,
  passphrase: string,
  sessionKeys: SessionKeys,
  idleMs: number,
): Promise<Change<null>> {
  if (state.lock) return fail('has-passphrase');
  if (tooShort(passphrase)) return fail('passphrase-too-short');
  const { lock, key } = await newLock(passphrase);
  await sessionKeys.set(key, idleMs);
  return ok({ state: { ...state, lock }, result: null });
}

export async function changePassphrase(
  state: VaultState,
  current: string,
  next: string,
  sessionKeys: SessionKeys,
  idleMs: number,
): Promise<Change<null>> {
  if (!state.lock) return fail('no-passphrase');
  if (tooShort(next)) return fail('passphrase-too-short');
  const currentKey = await checkPassphrase(state.lock, current);
  if (!currentKey) return fail('wrong-passphrase');
  const connections = hasKeysOfKind(state.connections, 'sealed')
    ? await unsealKeys(state.connections, currentKey)
    : state.connections;
  const { lock, key } = await newLock(next);
  await sessionKeys.set(key, idleMs);
  return ok({ state: { ...state, connections, lock }, result: null });
}

export async function removePassphrase(state: VaultState, current: string, sessionKeys: SessionKeys): Promise<Change<null>> {
  if (!state.lock) return fail('no-passphrase');
  const currentKey = await checkPassphrase(state.lock, current);
  if (!currentKey) return fail('wrong-passphrase');
  const connections = await unsealKeys(state.connections, currentKey);
  await sessionKeys.clear();
  return ok({ state: { connections, quarantine: state.quarantine }, result: null });
}

export async function unlock(
  state: VaultState,
  passphrase: string,
  sessionKeys: SessionKeys,
  idleMs: number,
): Promise<Outcome<null>> {
  if (!state.lock) return fail('no-passphrase');
  const key = await checkPassphrase(state.lock, passphrase);
  if (!key) return fail('wrong-passphrase');
  await sessionKeys.set(key, idleMs);
  return ok(null);
}
