// @ts-check
/**
 * Whether a layout with fewer storage keys would make one vault write at 5,000 connections cost
 * what it costs at 10 (issue 11's ≤ 2×), before anyone builds one. Chromium's own
 * `storage.local.set` grows slower as the store holds more keys (section 6 of the bench prints
 * it); grouping records into buckets cuts the keys but makes each write rewrite a whole bucket.
 * This times, inside the extension's service worker, the one `set` each layout makes for one
 * added connection, at 10 and at 5,000 connections (half of them with a stored result, as in
 * the bench):
 * - today's: one key per record and one per result;
 * - records in 64, 128 or 256 buckets (`{ [id]: record }`), results one per key;
 * - records and results both in 128 buckets.
 * The store is cleared and seeded for each case (the bench's own records, lib/vault's and
 * lib/results' stored shapes), then 40 writes each; the figure is the median. Nothing here
 * touches the extension's own keys' meaning: the store is cleared at the end.
 * Beside them, the same add as one `put` into IndexedDB (an object store of records keyed by id,
 * and one of results), with the browser's default durability, the same as storage.local's
 * (neither waits for the disk).
 * Usage: node tests/bench/storage-layouts.mjs [--ext-dir DIR] (a built extension; default .output/chrome-mv3)
 */
import { startFakeSmartRecruiters } from '../support/fake-smartrecruiters.mjs';
import { launchExtension } from '../support/launch-extension.mjs';
import { makeConnections } from './extension-pages.mjs';

const SIZES = [10, 5000];
const WRITES = 40;
/** [label, record buckets (0: one key per record), result buckets (0: one key per result)] */
const LAYOUTS = /** @type {const} */ ([
  ['one key per record and per result (today)', 0, 0],
  ['records in 64 buckets', 64, 0],
  ['records in 128 buckets', 128, 0],
  ['records in 256 buckets', 256, 0],
  ['records and results in 128 buckets each', 128, 128],
]);

/**
 * Runs in the service worker: seeds a fresh database with `size` records (and results for half),
 * then times `writes` single-record puts, each its own transaction. Returns the median in ms.
 * @param {{ records: Array<{ id: string, createdAt: number }>, size: number, writes: number }} options
 */
async function indexedDbAdds({ records, size, writes }) {
  const name = 'bench-storage-layouts';
  /** @param {IDBRequest | IDBOpenDBRequest} request @returns {Promise<any>} */
  const done = (request) => new Promise((resolve, reject) => ((request.onsuccess = () => resolve(request.result)), (request.onerror = () => reject(request.error))));
  await done(indexedDB.deleteDatabase(name));
  const opening = indexedDB.open(name, 1);
  opening.onupgradeneeded = () => {
    opening.result.createObjectStore('connections', { keyPath: 'id' });
    opening.result.createObjectStore('results');
  };
  /** @type {IDBDatabase} */
  const db = await done(opening);
  /** @param {string} store @param {Array<[unknown, IDBValidKey | undefined]>} entries */
  const put = (store, entries) =>
    new Promise((resolve, reject) => {
      const transaction = db.transaction(store, 'readwrite');
      for (const [value, key] of entries) transaction.objectStore(store).put(value, key);
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
    });
  const seeded = records.slice(0, size);
  await put('connections', seeded.map((record) => [record, undefined]));
  await put('results', seeded.filter((_, i) => i % 2 === 0).map((record) => [{ last: { at: record.createdAt, category: 'connected' } }, record.id]));
  const taken = [];
  for (let w = 0; w < writes; w++) {
    const started = performance.now();
    await put('connections', [[records[size + w], undefined]]);
    taken.push(performance.now() - started);
  }
  db.close();
  await done(indexedDB.deleteDatabase(name));
  taken.sort((a, b) => a - b);
  return taken[Math.floor(taken.length / 2)];
}

const dirFlag = process.argv.indexOf('--ext-dir');
const extensionDir = dirFlag > 0 ? process.argv[dirFlag + 1] : '.output/chrome-mv3';

const server = await startFakeSmartRecruiters({});
const ext = await launchExtension({ extensionDir, port: server.port });
try {
  // The records as the vault stores them (results are seeded apart, below).
  const records = makeConnections(Math.max(...SIZES) + WRITES, { tested: 0 }).map((record) => ({ ...record, usedIn: [] }));
  /** @type {Record<string, string[]>} */
  const rows = {};
  for (const round of [1, 2]) {
    for (const [label, recordBuckets, resultBuckets] of LAYOUTS) {
      const times = [];
      for (const size of SIZES) {
        times.push(
          await ext.serviceWorker.evaluate(
            async ({ records, size, recordBuckets, resultBuckets, writes }) => {
              const bucketOf = (/** @type {number} */ i, /** @type {number} */ n) => String(i % n);
              const result = (/** @type {number} */ at) => ({ last: { at, category: 'connected', status: 200, latencyMs: 140 }, history: [[at, 0, 200, 140]] });
              /** @type {Record<string, any>} */
              const items = { vault: { version: 7, quarantine: [] } };
              records.slice(0, size).forEach((record, i) => {
                if (recordBuckets) (items[`vault.b.${bucketOf(i, recordBuckets)}`] ??= {})[record.id] = record;
                else items[`vault.c.${record.id}`] = record;
                if (i % 2) return;
                if (resultBuckets) (items[`testResults.b.${bucketOf(i, resultBuckets)}`] ??= {})[record.id] = result(record.createdAt);
                else items[`testResults:${record.id}`] = result(record.createdAt);
              });
              await chrome.storage.local.clear();
              await chrome.storage.local.set(items);
              const taken = [];
              for (let w = 0; w < writes; w++) {
                const added = /** @type {{ id: string }} */ (records[size + w]);
                /** @type {Record<string, unknown>} */
                let write;
                if (recordBuckets) {
                  // The added record joins a bucket, which is written whole.
                  const key = `vault.b.${bucketOf(size + w, recordBuckets)}`;
                  write = { [key]: (items[key] = { ...items[key], [added.id]: added }) };
                } else write = { [`vault.c.${added.id}`]: added };
                const started = performance.now();
                await chrome.storage.local.set(write);
                taken.push(performance.now() - started);
              }
              await chrome.storage.local.clear();
              taken.sort((a, b) => a - b);
              return { ms: taken[Math.floor(taken.length / 2)], keys: Object.keys(items).length };
            },
            { records, size, recordBuckets, resultBuckets, writes: WRITES },
          ),
        );
      }
      const [small, large] = /** @type {[{ ms: number, keys: number }, { ms: number, keys: number }]} */ (times);
      (rows[label] ??= []).push(`${small.ms.toFixed(1)} → ${large.ms.toFixed(1)} ms (${large.keys} keys): ${(large.ms / small.ms).toFixed(2)}×`);
    }
    const idb = [];
    for (const size of SIZES) idb.push(await ext.serviceWorker.evaluate(indexedDbAdds, { records, size, writes: WRITES }));
    const [small, large] = /** @type {[number, number]} */ (idb);
    (rows['IndexedDB, one record per entry'] ??= []).push(`${small.toFixed(1)} → ${large.toFixed(1)} ms: ${(large / small).toFixed(2)}×`);
    console.log(`round ${round} done`);
  }
  console.log(`One storage.local.set for one added connection, median of ${WRITES}, at ${SIZES.join(' → ')} connections:`);
  for (const [label, cells] of Object.entries(rows)) console.log(`- ${label}: ${cells.join('; ')}`);
} finally {
  await ext.close();
  await server.close();
}
