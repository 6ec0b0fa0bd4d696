import { createSerialQueue } from '../vault/serial-queue';
import type { StorageAreaLike } from '../storage/storage-area';
import { SETTINGS_STORAGE_KEY, type Settings, parseSettings } from './settings';

/** Settings are written by the background only, like the vault. */
export function createSettingsStore(area: StorageAreaLike) {
  const enqueue = createSerialQueue();
  const read = async () => parseSettings((await area.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY]);
  return {
    read: () => enqueue(read),
    change: (apply: (settings: Settings) => Settings) =>
      enqueue(async () => {
        const next = apply(await read());
        await area.set({ [SETTINGS_STORAGE_KEY]: next });
        return next;
      }),
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
