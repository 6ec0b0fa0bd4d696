import { describe, expect, it } from 'vitest';
import { deriveKey, exportRawKey, importRawKey, kdfParamsSchema, newKdfParams } from './passphrase-key';
import { VERIFIER_TEXT, isRightKey, seal, unseal } from './seal';

// Few iterations keep the unit tests fast; the product's default is checked separately.
const params = newKdfParams(100_000);

describe('passphrase sealing', () => {
  it('round-trips a key and refuses the wrong passphrase', async () => {
    const key = await deriveKey('correct horse', params);
    const sealed = await seal(key, 'DCRA1-0123456789abcdef0123456789abcdef');
    expect(sealed.ct).not.toContain('DCRA1');
    expect(await unseal(key, sealed)).toBe('DCRA1-0123456789abcdef0123456789abcdef');
    const wrong = await deriveKey('wrong horse', params);
    await expect(unseal(wrong, sealed)).rejects.toThrow();
  });

  it('uses a fresh nonce for every seal', async () => {
    const key = await deriveKey('p', params);
    const [a, b] = await Promise.all([seal(key, 'same'), seal(key, 'same')]);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ct).not.toBe(b.ct);
  });

  it('detects tampering', async () => {
    const key = await deriveKey('p', params);
    const sealed = await seal(key, 'secret');
    const bytes = atob(sealed.ct);
    const flipped = btoa(String.fromCharCode(bytes.charCodeAt(0) ^ 1) + bytes.slice(1));
    await expect(unseal(key, { ...sealed, ct: flipped })).rejects.toThrow();
  });

  it('checks a passphrase against a verifier', async () => {
    const key = await deriveKey('p', params);
    const verifier = await seal(key, VERIFIER_TEXT);
    expect(await isRightKey(key, verifier)).toBe(true);
    expect(await isRightKey(await deriveKey('q', params), verifier)).toBe(false);
  });

  it('survives a round trip through session storage as raw bytes', async () => {
    const key = await deriveKey('p', params);
    const again = await importRawKey(await exportRawKey(key));
    expect(await unseal(again, await seal(key, 'x'))).toBe('x');
  });

  it('defaults to at least 600,000 iterations and refuses weak stored parameters', () => {
    expect(newKdfParams().iterations).toBeGreaterThanOrEqual(600_000);
    expect(kdfParamsSchema.safeParse({ ...params, iterations: 1_000 }).success).toBe(false);
    expect(kdfParamsSchema.safeParse({ ...params, salt: 'short' }).success).toBe(false);
  });
});
