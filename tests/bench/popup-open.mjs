// @ts-check
/**
 * Section 5, popup. popup.html opened in a new tab (as the toolbar button would open it, in the
 * extension's already running process) with 0, 50 and 500 connections in the vault; page-marks.mjs
 * stamps, from the page's navigation start, when the list shows every connection (or the empty
 * line) and when the first frame after that has run and a task posted after it has run: the
 * moment a click on the list would be handled ("interactive"); and when the whole vault has come
 * ("complete": the popup draws its first screen before the rest of a long list).
 *
 * Baseline, opened alternately with the popup and marked the same way (DOMContentLoaded, then a
 * frame and a task): the trivial extension page (a JSON file of the build, in the extension's
 * origin and process, running no script). Nothing is added to the build for the bench.
 */
import { TRIVIAL_PAGE, makeConnections, seedVault } from './extension-pages.mjs';
import { median, percentile } from './stats.mjs';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Worker} Worker */
/** @typedef {import('playwright-core').BrowserContext} BrowserContext */

/**
 * @param {BrowserContext} context @param {string} url
 * @returns {Promise<{ listReady: number, interactive: number, complete: number, fcp: number | null }>}
 */
async function openAndMark(context, url) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      () => {
        const m = /** @type {any} */ (globalThis).__benchMarks;
        // The trivial page has no list to complete.
        if (m?.interactive === undefined || (m.complete === undefined && location.pathname === '/popup.html')) return false;
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        return { listReady: m.listReady, interactive: m.interactive, complete: m.complete ?? m.interactive, fcp: fcp ? fcp.startTime : null };
      },
      undefined,
      { timeout: 15_000, polling: 10 },
    );
    return /** @type {{ listReady: number, interactive: number, complete: number, fcp: number | null }} */ (await handle.jsonValue());
  } finally {
    await page.close();
  }
}

/** Typed into the search box one character at a time. */
const SEARCH_TEXT = 'bench connection 4';

/**
 * Each keystroke in the search box, timed in the page: from the input event to the list
 * re-rendered and laid out (Preact renders in a microtask; a posted task runs after it, then a
 * forced layout), the work that must fit in one frame. Typed as soon as the whole list has come.
 * @param {BrowserContext} context @param {string} url @returns {Promise<number[]>}
 */
async function timeSearch(context, url) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => /** @type {any} */ (globalThis).__benchMarks?.complete !== undefined, undefined, { timeout: 30_000, polling: 20 });
    return await page.evaluate(async (text) => {
      const box = /** @type {HTMLInputElement} */ (document.querySelector('input[type=search]'));
      const times = [];
      for (let i = 1; i <= text.length; i++) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const t0 = performance.now();
        box.value = text.slice(0, i);
        box.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = resolve;
          channel.port2.postMessage(null);
        });
        void document.body.offsetHeight;
        times.push(performance.now() - t0);
      }
      return times;
    }, SEARCH_TEXT);
  } finally {
    await page.close();
  }
}

/** @param {number[]} values */
const summary = (values) => ({ n: values.length, median: median(values), p95: percentile(values, 95) });

/**
 * @param {{ context: BrowserContext, extensionId: string, serviceWorker: Worker, messenger: Page,
 *   sizes: number[], reps: number, searchFrom?: number, log?: (line: string) => void }} options
 */
export async function measurePopup({ context, extensionId, serviceWorker, messenger, sizes, reps, searchFrom = 500, log = () => {} }) {
  const base = `chrome-extension://${extensionId}`;
  const results = [];
  for (const size of sizes) {
    await seedVault(serviceWorker, messenger, makeConnections(size));
    const popupUrl = `${base}/popup.html?benchExpect=${size}`;
    const trivialUrl = `${base}/${TRIVIAL_PAGE}`;
    /** @typedef {{ listReady: number, interactive: number, complete: number, fcp: number | null }} Marks */
    /** @type {{ popup: Marks[], trivial: Marks[] }} */
    const runs = { popup: [], trivial: [] };
    // One warm-up pair, then alternate which opens first.
    for (let rep = 0; rep <= reps; rep++) {
      const order = rep % 2 === 0 ? /** @type {const} */ (['popup', 'trivial']) : /** @type {const} */ (['trivial', 'popup']);
      for (const which of order) {
        const marks = await openAndMark(context, which === 'popup' ? popupUrl : trivialUrl);
        if (rep > 0) runs[which].push(marks);
      }
    }
    results.push({
      connections: size,
      popup: {
        listReady: summary(runs.popup.map((r) => r.listReady)),
        interactive: summary(runs.popup.map((r) => r.interactive)),
        complete: summary(runs.popup.map((r) => r.complete)),
        fcp: summary(/** @type {number[]} */ (runs.popup.map((r) => r.fcp).filter((v) => v !== null))),
      },
      trivial: { interactive: summary(runs.trivial.map((r) => r.interactive)) },
      // Each popup against the trivial page opened next to it: the machine's load, which moves
      // both, moves their ratio less than it moves the ratio of the two medians.
      pairRatio: median(runs.popup.map((r, i) => r.interactive / /** @type {Marks} */ (runs.trivial[i]).interactive)),
      ...(size >= searchFrom && { search: summary(await timeSearch(context, popupUrl)) }),
    });
    log(`  popup: ${size} connections done`);
  }
  return results;
}
