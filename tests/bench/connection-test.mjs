// @ts-check
/**
 * Section 4, connection test. The real path: a `testConnection` message from an extension page
 * (the popup sends the same), through the background's sender check, zod validation, vault read,
 * rate limiter, tester (fetch + capped body read + classification) and the vault write of the
 * result, timed in the sending page. Against it: a bare fetch of the same endpoint with the same
 * key and request options, timed inside the service worker. The two alternate run by run, keys
 * rotate over several connections so the per-key limit (10/s) never delays a run, and a
 * `lockStatus` round trip (message + vault read, no fetch) is timed alongside to split the cost.
 *
 * Test all: wall time of one `testAll` over 50 connections with distinct keys, each an access
 * check of 5 calls (the identity call, then 4 probes in parallel), against the floor: Chromium
 * opens at most 6 HTTP/1.1 connections per host and the fake API speaks HTTP/1.1 only, so
 * ceil(250 / 6) rounds of one request's latency. The documented limits (per key: 10/s, 8 in
 * flight) do not bind with distinct keys; their floor, two rounds, is reported beside it.
 */
import { API_URL, makeConnections, newBenchKey, seedVault, send } from './extension-pages.mjs';
import { median, percentile } from './stats.mjs';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Worker} Worker */
/** @typedef {{ api: { setScenario: (key: string, scenario: any) => void } }} Server */

const ENDPOINT = `${API_URL}/configuration/company`;
/** The access check: the identity call and four probes (lib/api/probes.ts). */
const CALLS_PER_CHECK = 5;

/**
 * A fetch with the tester's own request options, body read to the end, timed in the worker.
 * @param {Worker} serviceWorker @param {string} key
 * @returns {Promise<{ ms: number, status: number }>}
 */
function bareFetch(serviceWorker, key) {
  return serviceWorker.evaluate(
    async ({ url, key }) => {
      const t0 = performance.now();
      const response = await fetch(url, {
        method: 'GET',
        headers: { 'X-SmartToken': key, Accept: 'application/json' },
        redirect: 'manual',
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
      });
      await response.text();
      return { ms: performance.now() - t0, status: response.status };
    },
    { url: ENDPOINT, key },
  );
}

/** @param {number[]} values */
const summary = (values) => ({ n: values.length, median: median(values), p95: percentile(values, 95) });

/**
 * @param {{ serviceWorker: Worker, messenger: Page, server: Server, runs: number, keys?: number,
 *   scenario?: 'ok' | 'slowOk', log?: (line: string) => void }} options
 */
export async function measureTester({ serviceWorker, messenger, server, runs, keys = 20, scenario = 'ok', log = () => {} }) {
  const keyList = Array.from({ length: keys }, () => newBenchKey());
  for (const key of keyList) server.api.setScenario(key, scenario);
  const connections = makeConnections(keys, { keyFor: (i) => /** @type {string} */ (keyList[i]), tested: 0 });
  await seedVault(serviceWorker, messenger, connections);

  /** @type {{ tester: number[], testerFetch: number[], bare: number[], message: number[] }} */
  const times = { tester: [], testerFetch: [], bare: [], message: [] };
  const warmup = Math.min(5, runs);
  let failures = 0;
  for (let i = 0; i < warmup + runs; i++) {
    const key = /** @type {string} */ (keyList[i % keys]);
    const id = /** @type {{ id: string }} */ (connections[i % keys]).id;
    const steps = [
      async () => {
        const r = await send(messenger, 'testConnection', { id });
        if (!r.ok || r.category !== 'connected') failures++;
        if (i >= warmup) {
          times.tester.push(r.ms);
          times.testerFetch.push(r.latencyMs ?? NaN);
        }
      },
      async () => {
        const r = await bareFetch(serviceWorker, key);
        if (r.status !== 200) failures++;
        if (i >= warmup) times.bare.push(r.ms);
      },
      async () => {
        const r = await send(messenger, 'lockStatus', {});
        if (i >= warmup) times.message.push(r.ms);
      },
    ];
    // Rotate which goes first, so that none always runs on a warmer path.
    for (let s = 0; s < steps.length; s++) await /** @type {() => Promise<void>} */ (steps[(s + i) % steps.length])();
    if ((i + 1) % 50 === 0) log(`  connection test (${scenario}): ${i + 1}/${warmup + runs}`);
  }
  if (failures > 0) throw new Error(`connection test: ${failures} runs did not answer 200/connected`);
  return {
    scenario,
    tester: summary(times.tester),
    testerFetch: summary(times.testerFetch.filter(Number.isFinite)),
    bare: summary(times.bare),
    message: summary(times.message),
  };
}

/**
 * @param {{ serviceWorker: Worker, messenger: Page, server: Server, connections: number, reps: number,
 *   scenario: 'ok' | 'slowOk', oneRequestMs: number, log?: (line: string) => void }} options
 *   oneRequestMs: the latency of one request (the bare fetch's median for this scenario).
 */
export async function measureTestAll({ serviceWorker, messenger, server, connections: count, reps, scenario, oneRequestMs, log = () => {} }) {
  const keyList = Array.from({ length: count }, () => newBenchKey());
  for (const key of keyList) server.api.setScenario(key, scenario);
  await seedVault(serviceWorker, messenger, makeConnections(count, { keyFor: (i) => /** @type {string} */ (keyList[i]), tested: 0 }));
  /** @type {number[]} */
  const walls = [];
  for (let rep = 0; rep < reps; rep++) {
    const r = await send(messenger, 'testAll', {});
    if (!r.ok || r.tested !== count) throw new Error(`testAll: ${r.ok ? `tested ${r.tested} of ${count}` : r.code}`);
    walls.push(r.ms);
    log(`  test all (${scenario}): ${rep + 1}/${reps}, ${Math.round(r.ms)} ms`);
  }
  const calls = count * CALLS_PER_CHECK;
  return {
    scenario,
    connections: count,
    calls,
    wall: summary(walls),
    walls,
    oneRequestMs,
    // Distinct keys, 5 calls each: neither the per-key 10/s nor the per-key 8 in flight binds, so
    // the documented limits allow every check's two rounds (identity, then 4 probes) at once.
    floor8: 2 * oneRequestMs,
    // What HTTP/1.1 allows: 6 sockets to the one host, every call one request's latency.
    floor6: Math.max(2, Math.ceil(calls / 6)) * oneRequestMs,
  };
}
