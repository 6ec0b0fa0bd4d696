import { browser } from 'wxt/browser';
import type { ClipboardWatch } from '../clipboard/clipboard-watch';
import type { AreaChange } from '../storage/storage-area';
import { FOREIGN_HOST_GRANTS, originsInUse, unusedHostGrants } from '../permissions/unused-hosts';
import type { SettingsStore } from '../settings/settings-store';
import { RECORD_PREFIX } from '../vault/vault-layout';
import { SESSION_KEY, type SessionKeys, lockDueAt } from '../vault/session-key';
import type { VaultStore } from '../vault/vault-store';
import { forgetExpiredPreviousKeys } from './previous-keys';

export const AUTO_LOCK_ALARM = 'auto-lock';
export const CLIPBOARD_ALARM = 'clipboard-clear';
const PREVIOUS_KEYS_ALARM = 'forget-previous-keys';

/** Sets the alarm, or clears it when there is nothing to wake up for. */
export async function scheduleAlarm(name: string, at: number | undefined): Promise<void> {
  if (at === undefined) await browser.alarms.clear(name);
  else await browser.alarms.create(name, { when: at + 1 });
}

interface HygieneDeps {
  vault: VaultStore;
  /** Calls back with each committed write to the vault, old and new values. */
  vaultChanges: (listener: (changes: Record<string, AreaChange>) => void) => void;
  settings: SettingsStore;
  sessionKeys: SessionKeys;
  clipboard: ClipboardWatch;
  now: () => number;
}

/**
 * What the background does on its own, on time, whether or not a page is open: lock when the
 * idle time ends, clear a copied key from the clipboard, forget old previous keys, and give back
 * a host grant that no connection uses any more.
 */
export function startHygiene({ vault, vaultChanges, settings, sessionKeys, clipboard, now }: HygieneDeps): void {
  const manifest = browser.runtime.getManifest();
  // The manifest's hosts, the content script's included (Firefox lists those as granted hosts too).
  const manifestHosts = [...(manifest.host_permissions ?? []), ...(manifest.content_scripts ?? []).flatMap((c) => c.matches ?? [])];
  const forgetOld = () => void forgetExpiredPreviousKeys(vault, settings, now()).catch(() => undefined);

  browser.storage.onChanged.addListener((changes, area) => {
    // Every set, touch or new idle time of the unlocked key moves the lock's alarm with it.
    if (area === 'session' && SESSION_KEY in changes) void scheduleAlarm(AUTO_LOCK_ALARM, lockDueAt(changes[SESSION_KEY]?.newValue));
  });
  vaultChanges((changes) => {
    const records = Object.entries(changes).filter(([key]) => key.startsWith(RECORD_PREFIX));
    const before = originsInUse(records.map(([, change]) => change.oldValue));
    const after = originsInUse(records.map(([, change]) => change.newValue));
    if ([...before].some((origin) => !after.has(origin))) void releaseHosts(before);
  });

  /** A change dropped these origins from its records; the whole vault says whether any other record still uses them. */
  async function releaseHosts(before: Set<string>) {
    const read = await vault.read();
    if (!read.ok) return;
    const after = originsInUse(read.value.connections);
    const granted = (await browser.permissions.getAll()).origins ?? [];
    const unused = unusedHostGrants(before, after, granted, [...manifestHosts, ...FOREIGN_HOST_GRANTS]);
    if (unused.length) await browser.permissions.remove({ origins: unused }).catch(() => undefined);
  }

  browser.alarms.onAlarm.addListener((alarm) => {
    // Reading the key drops it once its idle time is over; a touch since has moved the alarm on.
    if (alarm.name === AUTO_LOCK_ALARM) void sessionKeys.isUnlocked();
    if (alarm.name === CLIPBOARD_ALARM) void clipboard.due().catch(() => undefined);
    if (alarm.name === PREVIOUS_KEYS_ALARM) forgetOld();
  });
  void browser.alarms.create(PREVIOUS_KEYS_ALARM, { periodInMinutes: 24 * 60 });
  forgetOld();
  // A service worker that stopped while a key was unlocked or on the clipboard catches up now.
  void sessionKeys.isUnlocked();
  void clipboard.due().catch(() => undefined);
}
