import { z } from 'zod';

export const SETTINGS_STORAGE_KEY = 'settings';

export const settingsSchema = z.object({
  /** Portal origins where the user chose "Never on this site". */
  neverSites: z.array(z.string().max(300)).max(100).catch([]),
  /** Idle time after which an unlocked vault locks itself again. */
  autoLockMinutes: z.number().int().min(1).max(24 * 60).catch(15),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings = (): Settings => ({ neverSites: [], autoLockMinutes: 15 });

export function parseSettings(raw: unknown): Settings {
  const parsed = settingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : defaultSettings();
}
