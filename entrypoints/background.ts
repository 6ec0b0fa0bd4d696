import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { defaultTesterDeps, testConnection } from '@/lib/api/test-connection';
import { SMARTRECRUITERS_LIMITS, createRateLimiter } from '@/lib/api/rate-limiter';
import { createOfferStore } from '@/lib/capture/offers';
import { backgroundClipboard } from '@/lib/clipboard/background-clipboard';
import { createClipboardWatch } from '@/lib/clipboard/clipboard-watch';
import { CLIPBOARD_ALARM, scheduleAlarm, startHygiene } from '@/lib/background/hygiene';
import { createResultStore } from '@/lib/results/result-store';
import { TEST_RUN_KEY } from '@/lib/background/test-run';
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
import { createFillRequests } from '@/lib/servicenow/fill-requests';
import { SERVICENOW_HOST_PATTERN } from '@/lib/servicenow/host';
import { createServiceNowRegistration } from '@/lib/servicenow/registration';
import { createSessionKeys } from '@/lib/vault/session-key';
import { createVaultStore } from '@/lib/vault/vault-store';
import { announceVaultChanges } from '@/lib/vault/vault-changes';
import { openVaultArea } from '@/lib/vault/vault-area';

const OFFER_EXPIRY_ALARM = 'offer-expiry';

export default defineBackground(() => {
  const newId = () => crypto.randomUUID();
  const sessionKeys = createSessionKeys(browser.storage.session, Date.now);
  const offers = createOfferStore(browser.storage.session, Date.now, newId);
  const settings = createSettingsStore(browser.storage.local);
  const clipboard = createClipboardWatch(browser.storage.session, Date.now, backgroundClipboard(), (at) => {
    // The alarm survives a stopped service worker; the timer is exact where alarms are rounded up (30 s).
    if (at !== undefined) setTimeout(() => void clipboard.due(), Math.max(0, at - Date.now()));
    return scheduleAlarm(CLIPBOARD_ALARM, at);
  });
  const { area: vaultArea, legacy } = openVaultArea();
  if (!import.meta.env.FIREFOX) vaultArea.onChanged(announceVaultChanges());
  const vault = createVaultStore(vaultArea, sessionKeys, legacy);
  // Read at each use: in Chrome a policy change applies at once (Firefox reads policies at start).
  const parsedPolicy = () => readPolicy(browser.storage.managed);
  const policy = async () => (await parsedPolicy()).policy;
  const toTopFrame = (tabId: number, message: ToContentScript) => browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  const handlers = createHandlers({
    vault,
    sessionKeys,
    settings,
    offers,
    clipboard,
    limiter: createRateLimiter(SMARTRECRUITERS_LIMITS),
    results: createResultStore(browser.storage.local),
    session: browser.storage.session,
    runTest: (target, options) => testConnection(target, defaultTesterDeps(options)),
    hasHostAccess,
    policy,
    parsedPolicy,
    now: Date.now,
    newId,
    showPromptInTab: async (tabId, request) => void (await toTopFrame(tabId, { type: 'show-prompt', ...request })),
    openWindow: openExtensionWindow,
    fills: createFillRequests(browser.storage.session, Date.now, newId),
    sendToServiceNow: (tabId, frameId, message) => browser.tabs.sendMessage(tabId, message, { frameId }),
    async scheduleOfferExpiry(at) {
      if (at === undefined) await browser.alarms.clear(OFFER_EXPIRY_ALARM);
      else browser.alarms.create(OFFER_EXPIRY_ALARM, { when: at + 1 });
    },
  });
  // A run recorded as going on belongs to a background that has stopped (this one just started).
  void browser.storage.session.remove(TEST_RUN_KEY);
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
  startHygiene({ vault, vaultChanges: vaultArea.onChanged, settings, sessionKeys, clipboard, now: Date.now });
  // The shortcut reaches the prompt from the browser, where the page cannot intercept it.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === FOCUS_PROMPT_COMMAND && tab?.id !== undefined) void toTopFrame(tab.id, { type: 'focus-prompt' }).catch(() => undefined);
  });
  // The ServiceNow helper's content script runs only while its host is granted: checked at
  // start-up, and on every grant or withdrawal (the manager's button or the browser's own
  // site-access controls).
  const serviceNow = createServiceNowRegistration({
    hasGrant: () => browser.permissions.contains({ origins: [SERVICENOW_HOST_PATTERN] }),
    registered: async () => (await browser.scripting.getRegisteredContentScripts()).map((script) => script.id),
    register: (script) => browser.scripting.registerContentScripts([script]),
    unregister: (ids) => browser.scripting.unregisterContentScripts({ ids }),
  });
  const syncServiceNow = () => void serviceNow.sync().catch(() => undefined);
  syncServiceNow();
  browser.permissions.onAdded.addListener(syncServiceNow);
  browser.permissions.onRemoved.addListener(syncServiceNow);
  // First run: the manager page offers to set a passphrase before any key is stored.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html?welcome=1') });
  });
  // Chromium lets content scripts read storage.local unless told otherwise; ours never need to.
  // Firefox has no such switch yet, hence the guard.
  const local = browser.storage.local as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
});
