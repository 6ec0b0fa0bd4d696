// @ts-check
/**
 * Section 2, cost on the page: the same busy-SPA workload (fixtures/bench-page.js) on replica
 * pages in two Chromium instances started with the same flags and host mapping, one with the
 * extension and one without, run alternately (A B B A …) so that drift of the machine hits both.
 *
 * Per run, from CDP Performance.getMetrics with timeDomain threadTicks (CPU time of the
 * renderer's main thread, so that other processes taking the cores do not count): TaskDuration,
 * every task on the page's main thread (its script, the content script's observers and timers,
 * style, layout, paint), and ScriptDuration, the JavaScript part of it. Also, in page wall-clock
 * time, the workload's own batches each up to the end of its microtasks (mutation-observer
 * callbacks of every world included).
 */
import { median, percentile, sleep } from './stats.mjs';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {import('playwright-core').CDPSession} CDPSession */

export const PORTAL = 'https://www.smartrecruiters.com';
export const CREDENTIALS_PATH = '/settings/administration/app-management/custom-applications';

/**
 * @typedef {object} Scenario
 * @property {string} id
 * @property {string} label
 * @property {string} route Replica route the bench page shows.
 * @property {boolean} credentialsTab Open the CREDENTIALS tab first.
 * @property {boolean} generate Click a Generate button first: arms the detector when loaded.
 */

/**
 * (a) the credentials page right after a Generate click: the only state in which the detector
 * observes the page (until a key shows or for 60 s). Without a Generate click the credentials page
 * runs the same code as any other portal page (three event listeners), which (b) covers.
 * @type {Scenario[]}
 */
export const SCENARIOS = [
  { id: 'armed', label: 'Apps & Integrations > CREDENTIALS, after Generate (detector armed)', route: CREDENTIALS_PATH, credentialsTab: true, generate: true },
  { id: 'other', label: 'Jobs (not Apps & Integrations)', route: '/', credentialsTab: false, generate: false },
];

/**
 * @typedef {object} Side One browser: with or without the extension.
 * @property {string} name
 * @property {Page} page
 * @property {CDPSession} cdp
 */

/** @param {BrowserContext} context @param {string} name @returns {Promise<Side>} */
export async function openSide(context, name) {
  const page = await context.newPage();
  await page.bringToFront();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return { name, page, cdp };
}

/** @param {CDPSession} cdp */
async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/**
 * Generate, clicked as the user clicks it (a trusted click: the extension ignores a page's own
 * `click()`), on the bench page's credentials form named `name`.
 * @param {import('playwright-core').Page} page @param {string} [name]
 */
export async function clickGenerate(page, name = 'Bench credential') {
  await page.evaluate((n) => /** @type {any} */ (window).__bench.prepareGenerate(n), name);
  await page.click('#bench-generate');
  await page.evaluate(() => /** @type {any} */ (window).__bench.finishGenerate());
}

/**
 * Loads the scenario's page and brings it to the state the workload starts from.
 * @param {Side} side @param {Scenario} scenario
 */
export async function prepare(side, scenario) {
  const { page } = side;
  await page.goto(`${PORTAL}/__bench/busy.html?route=${encodeURIComponent(scenario.route)}`, { waitUntil: 'load' });
  await page.waitForFunction(() => 'runBusyWorkload' in (/** @type {any} */ (window).__bench ?? {}));
  if (scenario.credentialsTab) {
    const tab = page.getByRole('tab', { name: 'CREDENTIALS' });
    await tab.click();
    await page.getByRole('button', { name: 'NEW CREDENTIAL' }).waitFor();
  }
  // The content script runs at document_idle; give it time to start before anything counts.
  await sleep(250);
  if (scenario.generate) await clickGenerate(page);
}

/**
 * @typedef {object} WorkloadOptions
 * @property {number} batches One per animation frame.
 * @property {number} rowsPerBatch
 * @property {number} textChangesPerBatch
 */
/**
 * @typedef {object} RunResult
 * @property {number} taskMs Main-thread busy time during the workload (CDP TaskDuration, CPU time).
 * @property {number} jsMs Its JavaScript part (CDP ScriptDuration, CPU time).
 * @property {number} scriptMs The workload's own batches, observer callbacks included (wall clock).
 * @property {number} maxBatchMs Its longest batch.
 * @property {number} wallMs
 * @property {number} inserted Nodes inserted.
 * @property {number} textChanges
 */

/** @param {Side} side @param {WorkloadOptions} workload @returns {Promise<RunResult>} */
export async function runWorkload(side, workload) {
  const before = await metrics(side.cdp);
  const result = await side.page.evaluate((options) => /** @type {any} */ (window).__bench.runBusyWorkload(options), workload);
  const after = await metrics(side.cdp);
  const delta = (/** @type {string} */ name) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
  return { ...result, taskMs: delta('TaskDuration'), jsMs: delta('ScriptDuration') };
}

/**
 * Interleaved runs of every scenario on both sides; the first run of each pair is a warm-up.
 * @param {{ withExt: Side, without: Side, workload: WorkloadOptions, reps: number, scenarios?: Scenario[], log?: (line: string) => void }} options
 */
export async function measurePageCost({ withExt, without, workload, reps, scenarios = SCENARIOS, log = () => {} }) {
  /** @type {Record<string, { with: RunResult[], without: RunResult[] }>} */
  const runs = Object.fromEntries(scenarios.map((s) => [s.id, { with: [], without: [] }]));
  for (let rep = 0; rep <= reps; rep++) {
    for (const scenario of scenarios) {
      // A B, then B A: neither side always goes first.
      const order = rep % 2 === 0 ? [withExt, without] : [without, withExt];
      for (const side of order) {
        await side.page.bringToFront();
        await prepare(side, scenario);
        const result = await runWorkload(side, workload);
        if (rep > 0) runs[scenario.id]?.[side === withExt ? 'with' : 'without'].push(result);
      }
    }
    log(`  page cost: round ${rep}/${reps}${rep === 0 ? ' (warm-up)' : ''}`);
  }
  /** @type {Record<string, Awaited<ReturnType<typeof profileContentScript>>>} */
  const profiled = {};
  for (const scenario of scenarios) {
    await withExt.page.bringToFront();
    profiled[scenario.id] = await profileContentScript(withExt, scenario, workload);
  }
  log('  page cost: profiled run with the extension done');
  return scenarios.map((scenario) => {
    const r = /** @type {{ with: RunResult[], without: RunResult[] }} */ (runs[scenario.id]);
    const without = r.without.map((x) => x.taskMs);
    const m = (/** @type {RunResult[]} */ list, /** @type {keyof RunResult} */ k) => median(list.map((x) => x[k]));
    return {
      scenario,
      runs: r,
      taskMs: { with: m(r.with, 'taskMs'), without: m(r.without, 'taskMs') },
      jsMs: { with: m(r.with, 'jsMs'), without: m(r.without, 'jsMs') },
      scriptMs: { with: m(r.with, 'scriptMs'), without: m(r.without, 'scriptMs') },
      maxBatchMs: { with: m(r.with, 'maxBatchMs'), without: m(r.without, 'maxBatchMs') },
      wallMs: { with: m(r.with, 'wallMs'), without: m(r.without, 'wallMs') },
      /** Run-to-run spread of the busy time without the extension: interquartile range / median. */
      spread: (percentile(without, 75) - percentile(without, 25)) / median(without),
      profiled: /** @type {Awaited<ReturnType<typeof profileContentScript>>} */ (profiled[scenario.id]),
      inserted: r.with[0]?.inserted ?? 0,
      textChanges: r.with[0]?.textChanges ?? 0,
    };
  });
}

/**
 * One more run with the extension and V8's sampling profiler on (100 µs): the CPU time of every
 * sample whose stack holds a frame of the extension's content script, DOM calls made from it
 * included. Not subject to the run-to-run spread of the busy time, so it shows what the extension
 * itself costs even when that is smaller than the noise. Profiling slows the page a little; this
 * run is not among the timed ones.
 * @param {Side} side @param {Scenario} scenario @param {WorkloadOptions} workload
 */
export async function profileContentScript(side, scenario, workload) {
  await prepare(side, scenario);
  await side.cdp.send('Profiler.enable');
  await side.cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await side.cdp.send('Profiler.start');
  const result = await runWorkload(side, workload);
  const { profile } = await side.cdp.send('Profiler.stop');
  await side.cdp.send('Profiler.disable');
  /** @type {Map<number, number>} */
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  /** @type {Map<number, boolean>} */
  const fromExtension = new Map();
  /** @param {number} id @returns {boolean} */
  const isExtension = (id) => {
    const known = fromExtension.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const parent = parentOf.get(id);
    const value = !!node && (node.callFrame.url.startsWith('chrome-extension://') || (parent !== undefined && isExtension(parent)));
    fromExtension.set(id, value);
    return value;
  };
  const deltas = profile.timeDeltas ?? [];
  let extensionUs = 0;
  let sampledUs = 0;
  profile.samples?.forEach((id, i) => {
    // A sample's time is the gap to the next one.
    const us = deltas[i + 1] ?? 0;
    sampledUs += us;
    if (isExtension(id)) extensionUs += us;
  });
  return { extensionMs: extensionUs / 1000, sampledMs: sampledUs / 1000, taskMs: result.taskMs };
}

/**
 * Proof that the 'armed' scenario really is armed for the whole workload: after it, with no new
 * Generate click, the page shows a key and the prompt frame must appear. Run once, with the
 * extension, outside the timings.
 * @param {Side} side @param {WorkloadOptions} workload
 */
export async function checkArmed(side, workload) {
  await prepare(side, /** @type {Scenario} */ (SCENARIOS[0]));
  await runWorkload(side, workload);
  await side.page.evaluate(() => /** @type {any} */ (window).__bench.showKey());
  await sleep(2_000);
  const shown = await side.page.evaluate(() => /** @type {any} */ (window).__bench.lastShowTimes());
  return shown.displayedMs !== null;
}
