import { z } from 'zod';
import { exportRawKey, importRawKey } from '../crypto/passphrase-key';
import type { StorageAreaLike } from '../storage/storage-area';

const SESSION_KEY = 'unlockedKey';
export const DEFAULT_AUTO_LOCK_MS = 15 * 60_000;

const unlockedSchema = z.object({ raw: z.string(), idleMs: z.number().positive(), lastUsedAt: z.number() });

/**
 * The unlocked vault key, kept in session storage: memory only, gone when the browser closes,
 * and closed to content scripts. It also expires after `idleMs` without use (auto-lock).
 */
export function createSessionKeys(area: StorageAreaLike, now: () => number) {
  async function clear() {
    await area.set({ [SESSION_KEY]: null });
  }
  return {
    async get(): Promise<CryptoKey | undefined> {
      const stored = unlockedSchema.safeParse((await area.get(SESSION_KEY))[SESSION_KEY]);
      if (!stored.success) return undefined;
      if (now() - stored.data.lastUsedAt > stored.data.idleMs) {
        await clear();
        return undefined;
      }
      await area.set({ [SESSION_KEY]: { ...stored.data, lastUsedAt: now() } });
      return importRawKey(stored.data.raw);
    },
    async set(key: CryptoKey, idleMs: number): Promise<void> {
      await area.set({ [SESSION_KEY]: { raw: await exportRawKey(key), idleMs, lastUsedAt: now() } });
    },
    clear,
  };
}

export type SessionKeys = ReturnType<typeof createSessionKeys>;
