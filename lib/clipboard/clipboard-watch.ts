import { z } from '../schema/z';
import type { StorageAreaLike } from '../storage/storage-area';
import { createSerialQueue } from '../vault/serial-queue';

export const CLIPBOARD_WATCH_KEY = 'clipboardWatch';

/** A copied key, known only by its hash, and when the clipboard is to be cleared of it. */
const watchSchema = z.object({ hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)), clearAt: z.number() });

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface ClipboardAccess {
  /** Empties the clipboard if it still holds the text with this SHA-256 hash; leaves anything else alone. */
  clearIfHolds(hash: string): Promise<void>;
}

/**
 * Clears a copied key from the clipboard after a delay, from the background, so it happens after
 * the popup has closed too. Kept in session storage (memory; the key's hash, never the key), so a
 * stopped service worker still clears it when the alarm wakes it.
 */
export function createClipboardWatch(
  area: StorageAreaLike,
  now: () => number,
  clipboard: ClipboardAccess,
  /** Wakes the background at `at` (an alarm), or cancels the wake-up. */
  schedule: (at: number | undefined) => Promise<void> | void,
) {
  const enqueue = createSerialQueue();
  const read = async () => {
    const parsed = watchSchema.safeParse((await area.get(CLIPBOARD_WATCH_KEY))[CLIPBOARD_WATCH_KEY]);
    return parsed.success ? parsed.data : undefined;
  };
  return {
    /** A key was copied: clear it after `seconds` (0: never). A newer copy replaces the watch. */
    copied: (key: string, seconds: number): Promise<void> =>
      enqueue(async () => {
        if (seconds <= 0) {
          await area.set({ [CLIPBOARD_WATCH_KEY]: null });
          return schedule(undefined);
        }
        const clearAt = now() + seconds * 1_000;
        await area.set({ [CLIPBOARD_WATCH_KEY]: { hash: await sha256Hex(key), clearAt } });
        await schedule(clearAt);
      }),
    /** Clears the clipboard if its time has come; otherwise wakes up again when it has. */
    due: (): Promise<void> =>
      enqueue(async () => {
        const watch = await read();
        if (!watch) return;
        if (now() < watch.clearAt) return schedule(watch.clearAt);
        await area.set({ [CLIPBOARD_WATCH_KEY]: null });
        await clipboard.clearIfHolds(watch.hash);
      }),
  };
}

export type ClipboardWatch = ReturnType<typeof createClipboardWatch>;
