import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TestResult } from '../connections/schema';
import { SMARTRECRUITERS_LIMITS, createRateLimiter } from '../api/rate-limiter';
import type { TestTarget } from '../api/test-connection';
import { createOfferStore } from '../capture/offers';
import { type Policy, parsePolicy } from '../policy/policy-schema';
import { createSettingsStore } from '../settings/settings-store';
import { createSessionKeys } from '../vault/session-key';
import { createVaultStore } from '../vault/vault-store';
import { type BackgroundDeps, createHandlers } from './handlers';

/** Handlers wired to WXT's fake browser storage, with a tester that answers from a table. */
export function createTestBackground(answers: Record<string, Partial<TestResult>> = {}) {
  fakeBrowser.reset();
  let ids = 0;
  let clock = 1_000;
  const calls: TestTarget[] = [];
  /** What the background asked of the browser: prompts shown in top frames, windows opened, alarms set. */
  const browserCalls = {
    shownInTab: [] as Array<{ tabId: number; request: unknown }>,
    opened: [] as string[],
    expiryAlarm: undefined as number | undefined,
  };
  let policy: Policy = {};
  const sessionKeys = createSessionKeys(fakeBrowser.storage.session, () => clock);
  const deps: BackgroundDeps = {
    vault: createVaultStore(fakeBrowser.storage.local, sessionKeys),
    sessionKeys,
    settings: createSettingsStore(fakeBrowser.storage.local),
    offers: createOfferStore(fakeBrowser.storage.session, () => clock, () => `offer-${++ids}`),
    limiter: createRateLimiter(SMARTRECRUITERS_LIMITS),
    async runTest(target) {
      calls.push(target);
      return { at: clock, category: 'connected', status: 200, latencyMs: 3, endpoint: `GET ${target.url}`, ...answers[target.key] };
    },
    hasHostAccess: async (url) => new URL(url).hostname.endsWith('smartrecruiters.com'),
    policy: async () => policy,
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
  };
  return {
    handlers: createHandlers(deps),
    calls,
    browserCalls,
    offers: deps.offers,
    advance: (ms: number) => (clock += ms),
    /** What storage.managed holds now, validated as the background does. */
    setPolicy: (raw: unknown) => void (policy = parsePolicy(raw).policy),
  };
}
