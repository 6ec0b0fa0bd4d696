import { type Outcome, ok } from '../result';
import type { SettingsStore } from '../settings/settings-store';
import { forgetOldPreviousKeys } from '../vault/operations';
import type { VaultStore } from '../vault/vault-store';

const DAY_MS = 86_400_000;

/**
 * Previous keys older than the retention setting leave the vault: run on a daily alarm, at start
 * and when the setting changes. Works while locked (the keys stay sealed; nothing is opened).
 */
export async function forgetExpiredPreviousKeys(vault: VaultStore, settings: SettingsStore, now: number): Promise<Outcome<number>> {
  const days = (await settings.read()).previousKeyDays;
  if (days === 0) return ok(0);
  return vault.change((state) => forgetOldPreviousKeys(state, now - days * DAY_MS, now));
}
