import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TestResult } from '../connections/schema';
import { SMARTRECRUITERS_LIMITS, createRateLimiter } from '../api/rate-limiter';
import type { TestTarget } from '../api/test-connection';
import { createOfferStore } from '../capture/offers';
import { createFillRequests } from '../servicenow/fill-requests';
import { createClipboardWatch } from '../clipboard/clipboard-watch';
import { createResultStore } from '../results/result-store';
import { type ParsedPolicy, parsePolicy } from '../policy/policy-schema';
import { createSettingsStore } from '../settings/settings-store';
import { createSessionKeys } from '../vault/session-key';
import { isVaultKey } from '../vault/vault-layout';
import { createVaultStore } from '../vault/vault-store';
import { type BackgroundDeps, createHandlers } from './handlers';

/** Handlers wired to WXT's fake browser storage, with a tester that answers from a table. */
/** An answer per key; `hang` waits until the test is cancelled. */
export function createTestBackground(answers: Record<string, Partial<TestResult> & { hang?: boolean }> = {}) {
  fakeBrowser.reset();
  let ids = 0;
  let clock = 1_000;
  const calls: TestTarget[] = [];
  /** What the background asked of the browser: prompts shown in top frames, windows opened, alarms set. */
  const browserCalls = {
    shownInTab: [] as Array<{ tabId: number; request: unknown }>,
    opened: [] as string[],
    expiryAlarm: undefined as number | undefined,
    toServiceNow: [] as Array<{ tabId: number; frameId: number; message: { type: string } }>,
    clipboardAlarm: undefined as number | undefined,
    clipboardCleared: [] as string[],
  };
  /** How the ServiceNow content script answers a fill: filled, unless a test says the form is gone. */
  const serviceNow = { formThere: true };
  let policy: ParsedPolicy = parsePolicy({});
  const sessionKeys = createSessionKeys(fakeBrowser.storage.session, () => clock);
  const deps: BackgroundDeps = {
    vault: createVaultStore(fakeBrowser.storage.local, sessionKeys),
    sessionKeys,
    settings: createSettingsStore(fakeBrowser.storage.local),
    clipboard: createClipboardWatch(fakeBrowser.storage.session, () => clock, { clearIfHolds: async (hash) => void browserCalls.clipboardCleared.push(hash) }, (at) => {
      browserCalls.clipboardAlarm = at;
    }),
    offers: createOfferStore(fakeBrowser.storage.session, () => clock, () => `offer-${++ids}`),
    limiter: createRateLimiter(SMARTRECRUITERS_LIMITS),
    results: createResultStore(fakeBrowser.storage.local, () => clock),
    session: fakeBrowser.storage.session,
    async runTest(target, { signal }) {
      calls.push(target);
      const answer = answers[target.key];
      if (answer?.hang) await new Promise((resolve) => signal?.addEventListener('abort', resolve));
      if (signal?.aborted) return undefined;
      const result: Partial<TestResult> = { ...answer };
      delete (result as { hang?: boolean }).hang;
      return { at: clock, category: 'connected', status: 200, latencyMs: 3, endpoint: `GET ${target.url}`, ...result };
    },
    hasHostAccess: async (url) => new URL(url).hostname.endsWith('smartrecruiters.com'),
    policy: async () => policy.policy,
    parsedPolicy: async () => policy,
    now: () => clock,
    newId: () => `id-${++ids}`,
    async showPromptInTab(tabId, request) {
      browserCalls.shownInTab.push({ tabId, request });
    },
    async openWindow(path) {
      browserCalls.opened.push(path);
    },
    async scheduleOfferExpiry(at) {
      browserCalls.expiryAlarm = at;
    },
    fills: createFillRequests(fakeBrowser.storage.session, () => clock, () => `fill-${++ids}`),
    async sendToServiceNow(tabId, frameId, message) {
      browserCalls.toServiceNow.push({ tabId, frameId, message });
      return message.type === 'fill' ? { filled: serviceNow.formThere } : undefined;
    },
  };
  return {
    handlers: createHandlers(deps),
    calls,
    browserCalls,
    offers: deps.offers,
    settings: deps.settings,
    serviceNow,
    clipboard: deps.clipboard,
    advance: (ms: number) => (clock += ms),
    /** What storage.managed holds now, validated as the background does. */
    setPolicy: (raw: unknown) => void (policy = parsePolicy(raw)),
  };
}

/** Every storage key of the vault (vault-layout.ts) with its stored value, as JSON text. */
export async function storedVaultText(): Promise<string> {
  const all = await fakeBrowser.storage.local.get(null);
  return JSON.stringify(Object.fromEntries(Object.entries(all).filter(([key]) => isVaultKey(key))));
}
