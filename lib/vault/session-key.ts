import { z } from '../schema/z';
import { exportRawKey, importRawKey } from '../crypto/passphrase-key';
import type { StorageAreaLike } from '../storage/storage-area';
import { createSerialQueue } from './serial-queue';

import { SESSION_KEY } from './session-storage-key';

export { SESSION_KEY };

const unlockedSchema = z.object({ raw: z.string(), idleMs: z.number().check(z.positive()), lastUsedAt: z.number() });
type Unlocked = z.infer<typeof unlockedSchema>;

/**
 * The unlocked vault key, kept in session storage: memory only, gone when the browser closes,
 * and closed to content scripts. It expires after `idleMs` without activity (auto-lock). Reads and
 * writes are queued: activity that extends the idle time must not bring back a key just cleared.
 */
export function createSessionKeys(area: StorageAreaLike, now: () => number) {
  const enqueue = createSerialQueue();

  async function current(): Promise<Unlocked | undefined> {
    const stored = unlockedSchema.safeParse((await area.get(SESSION_KEY))[SESSION_KEY]);
    if (!stored.success) return undefined;
    if (now() - stored.data.lastUsedAt <= stored.data.idleMs) return stored.data;
    await area.set({ [SESSION_KEY]: null });
    return undefined;
  }

  return {
    /** The key, while the vault is unlocked. Reading it is not activity: see touch(). */
    get: (): Promise<CryptoKey | undefined> =>
      enqueue(async () => {
        const unlocked = await current();
        return unlocked && importRawKey(unlocked.raw);
      }),
    isUnlocked: (): Promise<boolean> => enqueue(async () => (await current()) !== undefined),
    setIdle: (idleMs: number): Promise<void> =>
      enqueue(async () => {
        const unlocked = await current();
        if (unlocked) await area.set({ [SESSION_KEY]: { ...unlocked, idleMs } });
      }),
    /** The user did something: the idle clock starts again (if the vault is unlocked at all). */
    touch: (): Promise<void> =>
      enqueue(async () => {
        const unlocked = await current();
        if (unlocked) await area.set({ [SESSION_KEY]: { ...unlocked, lastUsedAt: now() } });
      }),
    set: (key: CryptoKey, idleMs: number): Promise<void> =>
      enqueue(async () => area.set({ [SESSION_KEY]: { raw: await exportRawKey(key), idleMs, lastUsedAt: now() } })),
    clear: (): Promise<void> => enqueue(() => area.set({ [SESSION_KEY]: null })),
  };
}

export type SessionKeys = ReturnType<typeof createSessionKeys>;

/**
 * When a stored unlocked key runs out of idle time, or undefined if none is stored: the
 * background sets an alarm for it whenever the stored key changes (set, touch, new idle time),
 * so the key leaves session storage on time, not at the next read.
 */
export function lockDueAt(stored: unknown): number | undefined {
  const parsed = unlockedSchema.safeParse(stored);
  return parsed.success ? parsed.data.lastUsedAt + parsed.data.idleMs : undefined;
}
