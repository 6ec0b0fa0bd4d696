// @ts-check
/**
 * Section 6, vault writes. Whether one change costs the same in a small vault and a large one,
 * measured through the background's own messages from an extension page (as the popup sends
 * them), with no passphrase: `addConnection` (a new name each time), `updateConnection` (a note
 * edited on one connection) and a stored test result (`testConnection` against the local fake,
 * whose fetch costs the same at every size; keys rotate over 20 connections so the per-key
 * limit of 10/s never delays a run). Each is timed at 10 and at 5,000 connections, alternating
 * the kinds, after warm-up runs; the figure is the median, and the baseline the same change at 10.
 * Beside them, the floor of the stored result, which stays in storage.local (the vault is in
 * IndexedDB since v8): one bare `storage.local.set` of a record-sized value, timed inside the
 * service worker at the same sizes (Chromium's store grows slower to write as it holds more keys).
 */
import { makeConnections, newBenchKey, seedVault, send } from './extension-pages.mjs';
import { median, percentile } from './stats.mjs';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Worker} Worker */
/** @typedef {{ api: { setScenario: (key: string, scenario: any) => void } }} Server */

/** A key of the bench's own, outside the vault's layout: the background ignores it. */
const BARE_SET_KEY = 'benchBareSet';

/**
 * One `storage.local.set` of a value the size of a record, timed in the service worker itself.
 * @param {Worker} serviceWorker @param {number} run
 */
async function bareSet(serviceWorker, run) {
  return serviceWorker.evaluate(async ({ key, note }) => {
    const value = { name: 'Bench bare set', url: 'https://api.smartrecruiters.com', note, key: { kind: 'plain', value: 'x'.repeat(40) }, createdAt: 1, updatedAt: 2 };
    const started = performance.now();
    await chrome.storage.local.set({ [key]: value });
    return performance.now() - started;
  }, { key: BARE_SET_KEY, note: `run ${run}` });
}

/** @param {number[]} values */
const summary = (values) => ({ n: values.length, median: median(values), p95: percentile(values, 95) });

/**
 * @param {{ serviceWorker: Worker, messenger: Page, server: Server, sizes: number[], runs: number, log?: (line: string) => void }} options
 */
export async function measureVaultWrites({ serviceWorker, messenger, server, sizes, runs, log = () => {} }) {
  const results = [];
  for (const size of sizes) {
    const keys = Array.from({ length: size }, () => newBenchKey());
    const tested = Math.min(20, size);
    for (const key of keys.slice(0, tested)) server.api.setScenario(key, 'ok');
    const connections = makeConnections(size, { keyFor: (i) => /** @type {string} */ (keys[i]) });
    await seedVault(serviceWorker, messenger, connections);
    /** @type {{ add: number[], edit: number[], result: number[], bareSet: number[] }} */
    const times = { add: [], edit: [], result: [], bareSet: [] };
    const warmup = 3;
    let failures = 0;
    for (let i = 0; i < warmup + runs; i++) {
      const id = /** @type {{ id: string }} */ (connections[i % tested]).id;
      const add = await send(messenger, 'addConnection', { name: `Bench write ${size}-${i}`, url: 'https://api.smartrecruiters.com', key: newBenchKey() });
      const edit = await send(messenger, 'updateConnection', { id, patch: { note: `Edited by the bench, run ${i}` } });
      const result = await send(messenger, 'testConnection', { id });
      if (!add.ok || !edit.ok || !result.ok) failures++;
      if (i < warmup) continue;
      times.add.push(add.ms);
      times.edit.push(edit.ms);
      times.result.push(result.ms);
      times.bareSet.push(await bareSet(serviceWorker, i));
    }
    if (failures > 0) throw new Error(`vault writes: ${failures} runs failed at ${size} connections`);
    await serviceWorker.evaluate(`chrome.storage.local.remove(${JSON.stringify(BARE_SET_KEY)})`);
    results.push({ connections: size, add: summary(times.add), edit: summary(times.edit), result: summary(times.result), bareSet: summary(times.bareSet) });
    log(`  vault writes: ${size} connections done`);
  }
  return results;
}
