import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { defaultTesterDeps, testConnection } from '@/lib/api/test-connection';
import { SMARTRECRUITERS_LIMITS, createRateLimiter } from '@/lib/api/rate-limiter';
import { createOfferStore } from '@/lib/capture/offers';
import { hasHostAccess } from '@/lib/permissions/host-access';
import { effectiveSettings } from '@/lib/policy/effective-settings';
import { readPolicy } from '@/lib/policy/read-policy';
import { dispatch } from '@/lib/background/dispatch';
import { createHandlers } from '@/lib/background/handlers';
import { openExtensionWindow } from '@/lib/background/open-window';
import { createPromptRelay } from '@/lib/background/prompt-relay';
import { messageSchemas } from '@/lib/messaging/message-schemas';
import { type MessageName, type MessageResults, onMessage } from '@/lib/messaging/protocol';
import { FOCUS_PROMPT_COMMAND, type ToContentScript } from '@/lib/prompt/content-messages';
import type { Outcome } from '@/lib/result';
import { createSettingsStore } from '@/lib/settings/settings-store';
import { createSessionKeys } from '@/lib/vault/session-key';
import { VAULT_STORAGE_KEY } from '@/lib/vault/parse-vault';
import { createVaultStore } from '@/lib/vault/vault-store';

const OFFER_EXPIRY_ALARM = 'offer-expiry';

export default defineBackground(() => {
  const newId = () => crypto.randomUUID();
  const sessionKeys = createSessionKeys(browser.storage.session, Date.now);
  const offers = createOfferStore(browser.storage.session, Date.now, newId);
  const settings = createSettingsStore(browser.storage.local);
  // Read at each use: in Chrome a policy change applies at once (Firefox reads policies at start).
  const policy = async () => (await readPolicy(browser.storage.managed)).policy;
  const toTopFrame = (tabId: number, message: ToContentScript) => browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  const handlers = createHandlers({
    vault: createVaultStore(browser.storage.local, sessionKeys, (onChange) =>
      browser.storage.onChanged.addListener((changes, area) => {
        if (area === 'local' && VAULT_STORAGE_KEY in changes) onChange(changes[VAULT_STORAGE_KEY]?.newValue);
      }),
    ),
    sessionKeys,
    settings,
    offers,
    limiter: createRateLimiter(SMARTRECRUITERS_LIMITS),
    runTest: (target) => testConnection(target, defaultTesterDeps()),
    hasHostAccess,
    policy,
    now: Date.now,
    newId,
    showPromptInTab: async (tabId, request) => void (await toTopFrame(tabId, { type: 'show-prompt', ...request })),
    openWindow: openExtensionWindow,
    async scheduleOfferExpiry(at) {
      if (at === undefined) await browser.alarms.clear(OFFER_EXPIRY_ALARM);
      else browser.alarms.create(OFFER_EXPIRY_ALARM, { when: at + 1 });
    },
  });
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') };
  for (const name of Object.keys(messageSchemas) as MessageName[]) {
    onMessage(name, ({ data, sender }) =>
      dispatch(handlers, name, data, sender, self) as Promise<Outcome<MessageResults[typeof name]>>,
    );
  }
  // The in-page prompt and the content script that framed it talk through here (host-channel.ts).
  const relay = createPromptRelay(self.origin);
  browser.runtime.onConnect.addListener((port) => relay.onConnect(port));
  // A lower maxAutoLockMinutes applies to a vault unlocked now, not only at the next unlock.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'managed') return;
    void (async () => sessionKeys.setIdle(effectiveSettings(await settings.read(), await policy()).autoLockMinutes * 60_000))();
  });
  // Captured keys leave session storage when they expire, not at the next write.
  const purgeOffers = async () => {
    await offers.purge();
    const next = await offers.nextExpiry();
    if (next !== undefined) browser.alarms.create(OFFER_EXPIRY_ALARM, { when: next + 1 });
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OFFER_EXPIRY_ALARM) void purgeOffers();
  });
  void purgeOffers();
  // The shortcut reaches the prompt from the browser, where the page cannot intercept it.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === FOCUS_PROMPT_COMMAND && tab?.id !== undefined) void toTopFrame(tab.id, { type: 'focus-prompt' }).catch(() => undefined);
  });
  // First run: the manager page offers to set a passphrase before any key is stored.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html?welcome=1') });
  });
  // Chromium lets content scripts read storage.local unless told otherwise; ours never need to.
  // Firefox has no such switch yet, hence the guard.
  const local = browser.storage.local as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
});
