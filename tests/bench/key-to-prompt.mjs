// @ts-check
/**
 * Section 3, key to prompt. On the replica's CREDENTIALS tab (bench page), each generation clicks
 * Generate with a unique credentials name, waits the replica's 150 ms of server round trip, then
 * inserts the one-time pop-up with a fresh key; t0 is that insertion (performance.now() in the
 * page, just before the append). Once shown, the prompt is dismissed with Not now, so each
 * generation starts with no prompt on screen.
 *
 * The goal figure is measured where the user looks, in the prompt frame, whatever its design (a
 * frame per offer, one prepared hidden on Generate, or one reused): page-marks.mjs notes the
 * first animation frame in which its name field shows this generation's name, i.e. this key's
 * offer. That time is performance.timeOrigin + performance.now() in the extension's process;
 * both processes derive it from the same monotonic clock. A frame that could render while
 * hidden is seen only once the page displays it, so the later of the two counts. Page clock, for
 * the breakdown: when a new iframe was inserted and loaded, and when a frame not displayed at t0
 * became displayed.
 *
 * Baselines, on the same page and clock, interleaved with the generations: a bare
 * requestAnimationFrame round trip, and a trivial same-origin iframe from insertion to its first
 * contentful paint (the floor for framing anything).
 */
import { median, percentile, sleep } from './stats.mjs';
import { CREDENTIALS_PATH, PORTAL, clickGenerate } from './page-cost.mjs';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Frame} Frame */

/**
 * @typedef {object} Generation
 * @property {number | null} shownMs Key shown → first frame of the prompt showing this key's offer.
 * @property {number | null} firstFrameMs → the prompt frame's first animation frame (its clock; before t0 for a frame reused).
 * @property {number | null} displayedMs → an iframe not displayed before is displayed (page clock).
 * @property {number | null} insertedMs → a new iframe in the page's DOM (page clock; null when the prompt frame was made ahead).
 * @property {number | null} loadedMs → that new iframe's load event (page clock).
 * @property {number} rafMs Baseline: requestAnimationFrame round trip.
 * @property {number | null} plainPaintMs Baseline: trivial iframe to first contentful paint.
 */

/** @param {Page} page */
export async function openCredentialsBenchPage(page) {
  await page.goto(`${PORTAL}/__bench/busy.html?route=${encodeURIComponent(CREDENTIALS_PATH)}`, { waitUntil: 'load' });
  await page.getByRole('tab', { name: 'CREDENTIALS' }).click();
  await page.getByRole('button', { name: 'NEW CREDENTIAL' }).waitFor();
  await sleep(250);
}

/** Prompt frames still attached (one per offer, or one prepared ahead and reused). @param {Page} page */
const promptFrames = (page) => page.frames().filter((f) => !f.isDetached() && f.url().startsWith('chrome-extension://') && new URL(f.url()).pathname === '/prompt.html');

/**
 * The prompt frame that showed `name`, and when (absolute time); undefined if none has by `timeoutMs`.
 * @param {Page} page @param {string} name @param {number} timeoutMs
 * @returns {Promise<{ at: number, firstFrame: number, frame: Frame } | undefined>}
 */
async function whenShown(page, name, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    for (const frame of promptFrames(page)) {
      const at = await frame
        .evaluate((n) => {
          const marks = /** @type {any} */ (globalThis).__benchMarks;
          return marks?.shown?.[n] === undefined ? undefined : { shown: marks.shown[n], firstFrame: marks.firstFrame };
        }, name)
        .catch(() => undefined);
      if (at) return { at: at.shown, firstFrame: at.firstFrame, frame };
    }
    await sleep(15);
  }
  return undefined;
}

/**
 * Answers the prompt as a user who does not want the key saved: Not now, clicked once the
 * prompt accepts clicks (half a second on screen), then waits for its frame to go, so that the
 * next generation starts from no prompt, as the admin's next Generate would.
 * @param {Frame} frame
 */
async function dismiss(frame) {
  await frame.locator('body[data-armed="true"]').waitFor({ state: 'attached', timeout: 5_000 }).catch(() => undefined);
  await frame.getByRole('button', { name: 'Not now' }).click({ timeout: 5_000 }).catch(() => undefined);
  for (let i = 0; i < 100 && !frame.isDetached(); i++) await sleep(20);
}

/** @param {Page} page @param {number} index @returns {Promise<Generation>} */
async function generation(page, index) {
  const raf = await page.evaluate(() => /** @type {any} */ (window).__bench.rafRoundTrip());
  const plain = await page.evaluate(() => /** @type {any} */ (window).__bench.plainIframe());
  // Each offer is named after its credential: a unique name tells this key's offer apart.
  const name = `Bench credential ${index} ${Math.random().toString(36).slice(2, 8)}`;
  await clickGenerate(page, name);
  // The replica's server round trip between Generate and the key.
  await sleep(150);
  const { t0Abs } = await page.evaluate(() => /** @type {any} */ (window).__bench.showKey());
  const shown = await whenShown(page, name, 5_000);
  const pageSide = await page.evaluate(() => /** @type {any} */ (window).__bench.lastShowTimes());
  if (shown) await dismiss(shown.frame);
  // A prompt may render the offer while still hidden: it is seen once both have happened.
  const displayedMs = /** @type {number | null} */ (pageSide.displayedMs);
  return {
    shownMs: shown === undefined ? null : Math.max(shown.at - t0Abs, displayedMs ?? -Infinity),
    firstFrameMs: shown === undefined ? null : shown.firstFrame - t0Abs,
    ...pageSide,
    rafMs: raf.frameMs,
    plainPaintMs: plain.paintMs,
  };
}

/**
 * @param {{ page: Page, generations: number, warmup?: number, log?: (line: string) => void }} options
 */
export async function measureKeyToPrompt({ page, generations, warmup = 3, log = () => {} }) {
  await page.bringToFront();
  await openCredentialsBenchPage(page);
  /** @type {Generation[]} */
  const all = [];
  for (let i = 0; i < warmup + generations; i++) {
    const g = await generation(page, i);
    if (i >= warmup) all.push(g);
    // Let the previous prompt settle (its resize messages, the background's offer write).
    await sleep(40);
    if ((i + 1) % 25 === 0) log(`  key to prompt: ${i + 1}/${warmup + generations}`);
  }
  const stat = (/** @type {(g: Generation) => number | null} */ pick) => {
    const values = /** @type {number[]} */ (all.map(pick).filter((v) => v !== null && Number.isFinite(v)));
    return { n: values.length, median: median(values), p95: percentile(values, 95), max: values.length ? Math.max(...values) : NaN };
  };
  return {
    generations: all.length,
    missed: all.filter((g) => g.shownMs === null).length,
    shown: stat((g) => g.shownMs),
    displayed: stat((g) => g.displayedMs),
    firstFrame: stat((g) => g.firstFrameMs),
    inserted: stat((g) => g.insertedMs),
    loaded: stat((g) => g.loadedMs),
    raf: stat((g) => g.rafMs),
    plainIframe: stat((g) => g.plainPaintMs),
  };
}
