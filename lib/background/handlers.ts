import { type Connection, DEFAULT_API_URL, type TestResult } from '../connections/schema';
import { findByName } from '../connections/names';
import type { TestTarget } from '../api/test-connection';
import type { RateLimiter } from '../api/rate-limiter';
import type { OfferStore } from '../capture/offers';
import type { MessageData, MessageName, MessageResults } from '../messaging/protocol';
import { type Outcome, fail, ok } from '../result';
import type { SettingsStore } from '../settings/settings-store';
import {
  addConnection,
  findConnectionByKey,
  recordTest,
  removeConnection,
  restoreConnection,
  swapPreviousKey,
  updateConnection,
} from '../vault/operations';
import type { VaultStore } from '../vault/vault-store';

export interface BackgroundDeps {
  vault: VaultStore;
  settings: SettingsStore;
  offers: OfferStore;
  limiter: RateLimiter;
  runTest: (target: TestTarget) => Promise<TestResult>;
  /** Whether the extension may call this URL's host (custom hosts are optional permissions). */
  hasHostAccess: (url: string) => Promise<boolean>;
  now: () => number;
  newId: () => string;
}

/** Who is asking, as far as a handler needs to know. */
export interface Caller {
  /** The page origin of a content script's tab; undefined for our own pages. */
  origin?: string;
}

export type Handlers = {
  [K in MessageName]: (data: MessageData<K>, caller: Caller) => Promise<Outcome<MessageResults[K]>>;
};

export function createHandlers(deps: BackgroundDeps): Handlers {
  const { vault, settings, offers, limiter } = deps;
  const ctx = () => ({ now: deps.now(), newId: deps.newId });

  async function testOne(connection: Connection): Promise<Outcome<TestResult>> {
    const target = { url: connection.url, key: connection.key.value };
    const result = await limiter.run(target.key, () => deps.runTest(target));
    const stored = await vault.change((state) => recordTest(state, connection.id, result, target));
    // A connection deleted while its test ran still gets its answer; there is just nothing to store.
    return stored.ok || stored.error.code === 'not-found' ? ok(result) : stored;
  }

  return {
    addConnection: (input) => vault.change((state) => addConnection(state, input, 'typed', ctx())),

    updateConnection: ({ id, patch }) => vault.change((state) => updateConnection(state, id, patch, ctx())),

    removeConnection: ({ id }) =>
      vault.change((state) => {
        const index = state.connections.findIndex((c) => c.id === id);
        const removed = removeConnection(state, id);
        return removed.ok
          ? ok({ state: removed.value.state, result: { connection: removed.value.result, index } })
          : removed;
      }),

    restoreConnection: ({ connection, index }) => vault.change((state) => restoreConnection(state, connection, index)),

    swapPreviousKey: ({ id }) => vault.change((state) => swapPreviousKey(state, id, ctx())),

    async testConnection({ id }) {
      const read = await vault.read();
      if (!read.ok) return read;
      const connection = read.value.connections.find((c) => c.id === id);
      if (!connection) return fail('not-found');
      if (!(await deps.hasHostAccess(connection.url))) return fail('permission-denied');
      return testOne(connection);
    },

    async testAll() {
      const read = await vault.read();
      if (!read.ok) return read;
      const allowed = await Promise.all(read.value.connections.map((c) => deps.hasHostAccess(c.url)));
      const connections = read.value.connections.filter((_, i) => allowed[i]);
      await Promise.all(connections.map(testOne));
      return ok({ tested: connections.length });
    },

    async offerCapturedKey({ key, name, note }, { origin }) {
      if (!origin) return fail('forbidden-sender');
      const read = await vault.read();
      if (!read.ok) return read;
      if (findConnectionByKey(read.value, key.trim())) return ok(null);
      if ((await settings.read()).neverSites.includes(origin)) return ok(null);
      const offerId = await offers.put({ key: key.trim(), name, note, origin });
      return ok({ offerId });
    },

    async getOffer({ offerId }) {
      const offer = await offers.get(offerId);
      if (!offer) return fail('offer-expired');
      const read = await vault.read();
      if (!read.ok) return read;
      const same = findByName(read.value.connections, offer.name);
      return ok({ name: offer.name, note: offer.note, conflict: same ? { id: same.id, name: same.name } : null });
    },

    async saveOffer({ offerId, name, mode }) {
      const offer = await offers.get(offerId);
      if (!offer) return fail('offer-expired');
      const saved = await vault.change((state) => {
        const existing = findByName(state.connections, name);
        if (mode === 'replace') {
          return existing ? updateConnection(state, existing.id, { key: offer.key }, ctx()) : fail('not-found');
        }
        return addConnection(state, { name, url: DEFAULT_API_URL, key: offer.key, note: offer.note }, 'captured', ctx());
      });
      if (saved.ok) await offers.drop(offerId);
      return saved;
    },

    async dismissOffer({ offerId, never }) {
      const offer = await offers.get(offerId);
      await offers.drop(offerId);
      if (never && offer) {
        await settings.change((s) => ({ ...s, neverSites: [...new Set([...s.neverSites, offer.origin])] }));
      }
      return ok(null);
    },

    async forgetNeverSite({ origin }) {
      await settings.change((s) => ({ ...s, neverSites: s.neverSites.filter((o) => o !== origin) }));
      return ok(null);
    },
  };
}
