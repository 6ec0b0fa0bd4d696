// @ts-check
/**
 * Driving the extension the way its own pages do: messages in @webext-core/messaging's wire
 * format ({ id, type, data, timestamp } → { res } | { err }) sent with chrome.runtime.sendMessage
 * from an extension page, and the vault seeded in its stored v5 layout (lib/vault/parse-vault.ts,
 * lib/connections/schema.ts) by the service worker, as the background's own storage writes do.
 */
import { randomBytes } from 'node:crypto';
import { vaultDatabaseInWorker } from '../support/vault-database.mjs';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Worker} Worker */
/** @typedef {import('playwright-core').BrowserContext} BrowserContext */

export const API_URL = 'https://api.smartrecruiters.com';
/**
 * A page of the extension's own origin that runs none of its code: the background classifies a
 * message from it exactly as one from the popup (sender.url starts with the extension origin),
 * and nothing re-renders on the storage changes a message causes.
 */
export const TRIVIAL_PAGE = '_locales/en/messages.json';

/** A realistic fresh key (`DCRA1-` + 32 hex), random per run; never printed. */
export const newBenchKey = () => `DCRA1-${randomBytes(16).toString('hex')}`;

/**
 * @typedef {object} SendResult
 * @property {number} ms Round trip measured in the sending page, sendMessage to its callback.
 * @property {boolean} ok The handler's Outcome.
 * @property {string} [code] Its error code when not ok.
 * @property {string} [category] testConnection: the result's category.
 * @property {number} [latencyMs] testConnection: the tester's own fetch latency.
 * @property {number} [tested] testAll: how many were tested.
 */

/**
 * Sends one message from `page` (an extension page) and times it there. Only the fields above
 * come back to Node: no key or connection data is returned.
 * @param {Page} page @param {string} type @param {unknown} data @returns {Promise<SendResult>}
 */
export function send(page, type, data) {
  return page.evaluate(
    ({ type, data }) =>
      new Promise((resolve) => {
        const t0 = performance.now();
        const message = { id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() };
        chrome.runtime.sendMessage(message, (/** @type {any} */ response) => {
          const ms = performance.now() - t0;
          const error = chrome.runtime.lastError?.message;
          const res = response?.res;
          if (error || !res) return resolve({ ms, ok: false, code: error ?? 'no-response' });
          const value = res.value ?? {};
          resolve({ ms, ok: res.ok === true, code: res.error?.code, category: value.category, latencyMs: value.latencyMs, tested: value.tested });
        });
      }),
    { type, data },
  );
}

/**
 * @typedef {object} SeedOptions
 * @property {(i: number) => string} [keyFor] The key of connection i; default a new random key.
 * @property {number} [tested] Every `tested`-th connection has a stored test result (0: none).
 */

/**
 * `count` connections in the stored shape, varied as a real list is: three sources, some
 * notes, some with a test result (`lastTest`, which seedVault stores where results are kept).
 * @param {number} count @param {SeedOptions} [options]
 */
export function makeConnections(count, { keyFor = newBenchKey, tested = 2 } = {}) {
  const now = Date.now();
  const sources = ['typed', 'captured', 'imported'];
  return Array.from({ length: count }, (_, i) => {
    const at = now - (count - i) * 3_600_000;
    return {
      id: `bench-${i.toString().padStart(4, '0')}-${randomBytes(4).toString('hex')}`,
      name: `Bench connection ${i + 1}`,
      url: API_URL,
      key: { kind: 'plain', value: keyFor(i) },
      note: i % 3 === 0 ? `Seeded by the bench for integration ${i + 1}` : '',
      source: sources[i % 3],
      createdAt: at,
      updatedAt: at,
      ...(tested > 0 && i % tested === 0
        ? {
            lastTest: {
              at: at + 60_000,
              category: 'connected',
              status: 200,
              latencyMs: 140 + (i % 50),
              endpoint: `GET ${API_URL}/configuration/company`,
              company: 'Acme Corp (AcmeCorp1)',
            },
          }
        : {}),
    };
  });
}

/**
 * `connections` as today's stored layout holds them (lib/vault/vault-layout.ts: a `vault` key with
 * the version and quarantine, one `vault.c.<id>` key per connection) and their `lastTest` as
 * stored results (lib/results/result-schema.ts: `testResults:<id>`, the last result and a
 * one-entry history).
 * @param {object[]} connections @returns {Record<string, unknown>}
 */
export function storedItems(connections) {
  /** @type {Record<string, unknown>} */
  const items = { vault: { version: 8, quarantine: [] } };
  for (const { lastTest, ...record } of /** @type {Array<{ id: string, lastTest?: { at: number, category: string, status: number, latencyMs: number, endpoint?: string } }>} */ (connections)) {
    items[`vault.c.${record.id}`] = { ...record, usedIn: [] };
    if (!lastTest) continue;
    // Stored without its endpoint (the connection's URL says it), as the background stores it.
    const last = { ...lastTest };
    delete last.endpoint;
    // History entries are [at, verdict code, status, latency] (result-schema.ts's HISTORY_CODE).
    const code = /** @type {Record<string, number>} */ ({ connected: 0 })[last.category];
    if (code === undefined) throw new Error(`storedItems: no history code for ${last.category}`);
    items[`testResults:${record.id}`] = { last, history: [[last.at, code, last.status, last.latencyMs]] };
  }
  return items;
}

/** The vault's database and revision key (lib/vault/vault-layout.ts; the bench runs as plain JS). */
const VAULT = { name: { database: 'vault', store: 'items', version: 1 }, revisionKey: 'vault.revision' };

/**
 * Replaces the vault with `connections` (storedItems) where the background keeps it in Chromium:
 * the vault in its IndexedDB, results in storage.local, written by the service worker after
 * removing every earlier one. Then makes the background read it once (lockStatus) and checks that
 * none was quarantined, so a drift of the stored format fails the bench instead of skewing it.
 * @param {Worker} serviceWorker @param {Page} messenger @param {object[]} connections
 */
export async function seedVault(serviceWorker, messenger, connections) {
  const items = storedItems(connections);
  const isResult = (/** @type {string} */ key) => key.startsWith('testResults:');
  const results = Object.fromEntries(Object.entries(items).filter(([key]) => isResult(key)));
  await serviceWorker.evaluate(async (results) => {
    const stored = await chrome.storage.local.get(null);
    await chrome.storage.local.remove(Object.keys(stored).filter((key) => key.startsWith('testResults:')));
    await chrome.storage.local.set(results);
  }, results);
  await serviceWorker.evaluate(vaultDatabaseInWorker, { ...VAULT, replace: true, write: Object.fromEntries(Object.entries(items).filter(([key]) => !isResult(key))) });
  const status = await send(messenger, 'lockStatus', {});
  if (!status.ok) throw new Error(`seedVault: lockStatus failed (${status.code})`);
  const all = await serviceWorker.evaluate(vaultDatabaseInWorker, VAULT);
  const vault = /** @type {{ version?: number, quarantine?: unknown[] } | undefined} */ (all.vault);
  const stored = { connections: Object.keys(all).filter((key) => key.startsWith('vault.c.') && all[key]).length, quarantine: vault?.quarantine?.length ?? -1 };
  if (stored.connections !== connections.length || stored.quarantine !== 0 || vault?.version !== 8) {
    throw new Error(`seedVault: stored ${stored.connections} connections and ${stored.quarantine} quarantined (v${vault?.version}), wanted ${connections.length} and 0 (v8): has the vault format changed?`);
  }
}

/** Opens the trivial extension page used to send messages. @param {BrowserContext} context @param {string} extensionId */
export async function openMessenger(context, extensionId) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${TRIVIAL_PAGE}`);
  return page;
}
