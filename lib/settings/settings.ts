import { CORNERS } from '../prompt/placement';
import { text, z } from '../schema/z';

export { SETTINGS_STORAGE_KEY } from './settings-key';

export const settingsSchema = z.object({
  /** Portal origins where the user chose "Never on this site". */
  neverSites: z.catch(z.array(text(300)).check(z.maxLength(100)), []),
  /** Idle time after which an unlocked vault locks itself again. */
  autoLockMinutes: z.catch(z.int().check(z.gte(1), z.lte(24 * 60)), 15),
  /** The corner of the page where the save prompt shows, as the user last moved it. */
  promptCorner: z.catch(z.enum(CORNERS), 'top-right'),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings = (): Settings => ({ neverSites: [], autoLockMinutes: 15, promptCorner: 'top-right' });

export function parseSettings(raw: unknown): Settings {
  const parsed = settingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : defaultSettings();
}
