// @ts-check
/**
 * Whether a layout with fewer storage keys would make one vault write at 5,000 connections cost
 * what it costs at 10 (issue 11's ≤ 2×), before anyone builds one. Chromium's own
 * `storage.local.set` grows slower as the store holds more keys (section 6 of the bench prints
 * it); grouping records into buckets cuts the keys but makes each write rewrite a whole bucket.
 * This times, inside the extension's service worker, the one write each layout makes for one
 * added connection, at 10 and at 5,000 connections (half of them with a stored result, as in
 * the bench):
 * - v7's: one key per record and one per result (v8 keeps the records in IndexedDB);
 * - records in 64, 128 or 256 buckets (`{ [id]: record }`), results one per key;
 * - records and results both in 128 buckets;
 * - one `put` into IndexedDB (an object store of records keyed by id, one of results), with the
 *   browser's default durability, as storage.local's (neither waits for the disk).
 * Each case starts from a cleared store seeded with the bench's records and results in their
 * stored shapes (extension-pages.mjs's storedItems), under names of the bench's own, so the
 * background's storage listeners take no part; then 40 writes; the figure is the median.
 * Usage: node tests/bench/storage-layouts.mjs [--ext-dir DIR] (a built extension; default .output/chrome-mv3)
 */
import { startFakeSmartRecruiters } from '../support/fake-smartrecruiters.mjs';
import { launchExtension } from '../support/launch-extension.mjs';
import { makeConnections, storedItems } from './extension-pages.mjs';
import { median } from './stats.mjs';

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
 * The stored records and results of `connections`, by id.
 * @param {object[]} connections
 */
function recordsAndResults(connections) {
  const items = storedItems(connections);
  /** @type {Array<[string, unknown]>} */
  const records = [];
  /** @type {Array<[string, unknown]>} */
  const results = [];
  for (const [key, value] of Object.entries(items)) {
    if (key.startsWith('vault.c.')) records.push([key.slice('vault.c.'.length), value]);
    if (key.startsWith('testResults:')) results.push([key.slice('testResults:'.length), value]);
  }
  return { records, results };
}

/**
 * Runs in the service worker: seeds a cleared store in one layout, then times one `set` per
 * added record. Returns the times in ms.
 * @param {{ seeded: ReturnType<typeof recordsAndResults>, added: Array<[string, unknown]>, recordBuckets: number, resultBuckets: number }} options
 */
async function storageLocalAdds({ seeded, added, recordBuckets, resultBuckets }) {
  // Bucket by position: what matters is how many keys there are and how big each is.
  const bucketOf = (/** @type {number} */ i, /** @type {number} */ n) => `${i % n}`;
  /** @type {Record<string, any>} */
  const items = { 'bench.meta': { version: 7, quarantine: [] } };
  seeded.records.forEach(([id, record], i) => {
    if (recordBuckets) (items[`bench.b.${bucketOf(i, recordBuckets)}`] ??= {})[id] = record;
    else items[`bench.c.${id}`] = record;
  });
  seeded.results.forEach(([id, result], i) => {
    if (resultBuckets) (items[`bench.rb.${bucketOf(i, resultBuckets)}`] ??= {})[id] = result;
    else items[`bench.r.${id}`] = result;
  });
  await chrome.storage.local.clear();
  await chrome.storage.local.set(items);
  const taken = [];
  for (const [w, [id, record]] of added.entries()) {
    let write;
    if (recordBuckets) {
      // The added record joins a bucket, which is written whole.
      const key = `bench.b.${bucketOf(seeded.records.length + w, recordBuckets)}`;
      write = { [key]: (items[key] = { ...items[key], [id]: record }) };
    } else write = { [`bench.c.${id}`]: record };
    const started = performance.now();
    await chrome.storage.local.set(write);
    taken.push(performance.now() - started);
  }
  await chrome.storage.local.clear();
  return { taken, keys: Object.keys(items).length };
}

/**
 * Runs in the service worker: the same in a fresh IndexedDB database, each added record its own
 * transaction. Returns the times in ms.
 * @param {{ seeded: ReturnType<typeof recordsAndResults>, added: Array<[string, unknown]> }} options
 */
async function indexedDbAdds({ seeded, added }) {
  const name = 'bench-storage-layouts';
  /** @param {IDBRequest | IDBOpenDBRequest} request @returns {Promise<any>} */
  const done = (request) => new Promise((resolve, reject) => ((request.onsuccess = () => resolve(request.result)), (request.onerror = () => reject(request.error))));
  await done(indexedDB.deleteDatabase(name));
  const opening = indexedDB.open(name, 1);
  opening.onupgradeneeded = () => {
    opening.result.createObjectStore('connections');
    opening.result.createObjectStore('results');
  };
  /** @type {IDBDatabase} */
  const db = await done(opening);
  /** @param {string} store @param {Array<[string, unknown]>} entries */
  const put = (store, entries) =>
    new Promise((resolve, reject) => {
      const transaction = db.transaction(store, 'readwrite');
      for (const [key, value] of entries) transaction.objectStore(store).put(value, key);
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
    });
  await put('connections', seeded.records);
  await put('results', seeded.results);
  const taken = [];
  for (const entry of added) {
    const started = performance.now();
    await put('connections', [entry]);
    taken.push(performance.now() - started);
  }
  db.close();
  await done(indexedDB.deleteDatabase(name));
  return taken;
}

const dirFlag = process.argv.indexOf('--ext-dir');
const extensionDir = dirFlag > 0 ? process.argv[dirFlag + 1] : '.output/chrome-mv3';

const server = await startFakeSmartRecruiters({});
const ext = await launchExtension({ extensionDir, port: server.port });
try {
  const all = makeConnections(Math.max(...SIZES) + WRITES);
  /** @type {Record<string, string[]>} */
  const rows = {};
  /** @param {string} label @param {number} small @param {number} large @param {string} [note] */
  const report = (label, small, large, note = '') =>
    (rows[label] ??= []).push(`${small.toFixed(1)} → ${large.toFixed(1)} ms${note}: ${(large / small).toFixed(2)}×`);
  for (const round of [1, 2]) {
    for (const [label, recordBuckets, resultBuckets] of LAYOUTS) {
      const runs = [];
      for (const size of SIZES) {
        const seeded = recordsAndResults(all.slice(0, size));
        const added = recordsAndResults(all.slice(size, size + WRITES)).records;
        runs.push(await ext.serviceWorker.evaluate(storageLocalAdds, { seeded, added, recordBuckets, resultBuckets }));
      }
      const [small, large] = /** @type {[{ taken: number[], keys: number }, { taken: number[], keys: number }]} */ (runs);
      report(label, median(small.taken), median(large.taken), ` (${large.keys} keys)`);
    }
    const idb = [];
    for (const size of SIZES) {
      const seeded = recordsAndResults(all.slice(0, size));
      idb.push(median(await ext.serviceWorker.evaluate(indexedDbAdds, { seeded, added: recordsAndResults(all.slice(size, size + WRITES)).records })));
    }
    report('IndexedDB, one record per entry (one put)', /** @type {number} */ (idb[0]), /** @type {number} */ (idb[1]));
    console.log(`round ${round} done`);
  }
  console.log(`One write for one added connection, median of ${WRITES}, at ${SIZES.join(' → ')} connections:`);
  for (const [label, cells] of Object.entries(rows)) console.log(`- ${label}: ${cells.join('; ')}`);
} finally {
  await ext.close();
  await server.close();
}
