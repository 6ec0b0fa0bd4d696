import { z } from '../schema/z';
import { fromBase64, toBase64 } from './base64';

export const sealedSchema = z.strictObject({
  /** 96-bit nonce, fresh for every seal. */
  iv: z.base64().check(z.length(16)),
  /** Ciphertext with its 128-bit GCM tag; bounded so a hostile file cannot hold megabytes. */
  ct: z.base64().check(z.maxLength(2_000)),
});
export type Sealed = z.infer<typeof sealedSchema>;

export async function seal(key: CryptoKey, plaintext: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(plaintext));
  return { iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
}

/** Throws when the key is wrong or the data was changed: GCM authenticates both. */
export async function unseal(key: CryptoKey, sealed: Sealed): Promise<string> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv) }, key, fromBase64(sealed.ct));
  return new TextDecoder().decode(plain);
}

/** A known text sealed with the key, so a passphrase can be checked without touching real data. */
export const VERIFIER_TEXT = 'smartrecruiters-admin-helper:verifier';

export async function isRightKey(key: CryptoKey, verifier: Sealed): Promise<boolean> {
  try {
    return (await unseal(key, verifier)) === VERIFIER_TEXT;
  } catch {
    return false;
  }
}
