import { CORNERS } from '../prompt/placement';
import { text, z } from '../schema/z';

export { SETTINGS_STORAGE_KEY } from './settings-key';
export const GIVE_UP_MIN_S = 10;
export const GIVE_UP_MAX_S = 28;

export const settingsSchema = z.object({
  /** Portal origins where the user chose "Never on this site". */
  neverSites: z.catch(z.array(text(300)).check(z.maxLength(100)), []),
  /** Idle time after which an unlocked vault locks itself again. */
  autoLockMinutes: z.catch(z.int().check(z.gte(1), z.lte(24 * 60)), 15),
  /** The corner of the page where the save prompt shows, as the user last moved it. */
  promptCorner: z.catch(z.enum(CORNERS), 'top-right'),
  /** ServiceNow instances the user confirmed once to receive keys from the fill picker. */
  trustedInstances: z.catch(z.array(text(253)).check(z.maxLength(200)), []),
  /** Seconds after which a copied key leaves the clipboard (if it is still there); 0: never. */
  clipboardClearSeconds: z.catch(z.int().check(z.gte(0), z.lte(3_600)), 60),
  /** Days a key replaced by a rotation is kept for Undo; 0: until "Forget previous key". */
  previousKeyDays: z.catch(z.int().check(z.gte(0), z.lte(3_650)), 30),
  /**
   * When a connection test gives up ("Timed out"). At most 28 s: Chrome may stop a service worker
   * whose fetch() waits more than 30 s for its answer.
   */
  testGiveUpSeconds: z.catch(z.int().check(z.gte(GIVE_UP_MIN_S), z.lte(GIVE_UP_MAX_S)), 25),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings = (): Settings => ({
  neverSites: [],
  autoLockMinutes: 15,
  promptCorner: 'top-right',
  trustedInstances: [],
  clipboardClearSeconds: 60,
  previousKeyDays: 30,
  testGiveUpSeconds: 25,
});

export function parseSettings(raw: unknown): Settings {
  const parsed = settingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : defaultSettings();
}
