import { z } from '../schema/z';
import { fromBase64, toBase64 } from './base64';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256; stored with the data so it can be raised later. */
export const PBKDF2_ITERATIONS = 600_000;
/** Parameters below this are refused when read, so a tampered file cannot make cracking cheap. */
const MIN_ITERATIONS = 100_000;
const MAX_ITERATIONS = 10_000_000;

export const kdfParamsSchema = z.strictObject({
  name: z.literal('PBKDF2-SHA-256'),
  iterations: z.int().check(z.gte(MIN_ITERATIONS), z.lte(MAX_ITERATIONS)),
  salt: z.base64().check(z.length(24)),
});
export type KdfParams = z.infer<typeof kdfParamsSchema>;

export function newKdfParams(iterations = PBKDF2_ITERATIONS): KdfParams {
  return { name: 'PBKDF2-SHA-256', iterations, salt: toBase64(crypto.getRandomValues(new Uint8Array(16))) };
}

/**
 * Derives the AES-GCM key that seals API keys. Extractable, because the background keeps the
 * unlocked key in session storage (memory only, closed to content scripts) across restarts.
 */
export async function deriveKey(passphrase: string, params: KdfParams): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(params.salt), iterations: params.iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    true,
    ['encrypt', 'decrypt'],
  );
}

export async function exportRawKey(key: CryptoKey): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
}

export function importRawKey(raw: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromBase64(raw), { name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}
