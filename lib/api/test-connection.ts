import { type Budget, RESULT_TEXT_MAX, type TestResult } from '../connections/schema';
import { type Classification, classifyResponse } from './classify-response';
import { IDENTITY_AREA, PROBE_AREAS, PROBE_PATHS } from './probes';
import { readBudget, tighter } from './rate-limit-headers';
import { clampText, redact } from './redact';
import { type AreaAnswer, decideVerdict } from './verdict';

export const TEST_PATH = PROBE_PATHS[IDENTITY_AREA];
/** When a test gives up by default: under the 30 s after which Chrome may stop a service worker waiting on fetch(). */
export const DEFAULT_GIVE_UP_MS = 25_000;
/** Enough for any company record; a larger body is cut, not buffered whole. */
const BODY_LIMIT = 64 * 1024;
/**
 * A 429 is tried again after its Retry-After, or backing off exponentially (1 s, 2 s, …) where it
 * names none, while the waits add up to no more than this: a test is something a person watches.
 * Past it the result says when the next try would be (a countdown in the UI).
 */
const RETRY_BUDGET_MS = 3_000;
const BACKOFF_BASE_MS = 1_000;

export interface TestTarget {
  url: string;
  key: string;
}

export interface TesterDeps {
  fetch: typeof fetch;
  /** Wall clock for the result's timestamp. */
  now: () => number;
  /** Monotonic clock for latency. */
  clock: () => number;
  /** The whole check gives up this long after it started: "Timed out". */
  giveUpMs: number;
  /** Runs one request within the rate limits of this key (rate-limiter.ts); straight through if absent. */
  schedule?: <T>(task: () => Promise<T>) => Promise<T>;
  /** Hears the budget the API reported, so the limiter can pause a key whose budget is spent. */
  observe?: (budget: Budget) => void;
  /** Aborts the whole check (Cancel): it then returns undefined and nothing is stored. */
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const defaultTesterDeps = (overrides: Partial<TesterDeps> = {}): TesterDeps => ({
  fetch: (...args) => globalThis.fetch(...args),
  now: Date.now,
  clock: () => performance.now(),
  giveUpMs: DEFAULT_GIVE_UP_MS,
  ...overrides,
});

const abortableSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

async function readCapped(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    text += decoder.decode(value, { stream: true });
    if (bytes >= BODY_LIMIT) {
      await reader.cancel();
      break;
    }
  }
  return text + decoder.decode();
}

interface Answer {
  status: number | null;
  classification: Classification;
  latencyMs: number;
  budget?: Budget;
}

/**
 * One access check: the identity call (company configuration), then the other areas' probes in
 * parallel, each within the key's rate limits. Never throws; every outcome is a TestResult, or
 * undefined when cancelled. The key goes to the connection's own URL only, in X-SmartToken, and
 * a redirect is reported, never followed with the key attached. Whatever the server sends is
 * redacted of the key and cut to size before it is returned.
 */
export async function testConnection(target: TestTarget, deps: TesterDeps): Promise<TestResult | undefined> {
  const at = deps.now();
  const started = deps.clock();
  const deadline = new AbortController();
  const giveUp = setTimeout(() => deadline.abort(), deps.giveUpMs);
  const cancelled = () => deps.signal?.aborted === true;
  const stop = AbortSignal.any([deadline.signal, ...(deps.signal ? [deps.signal] : [])]);
  const sleep = deps.sleep ?? abortableSleep;

  async function call(path: string): Promise<Answer> {
    const run = async (): Promise<Answer> => {
      const t0 = deps.clock();
      const latency = () => Math.max(0, Math.round(deps.clock() - t0));
      try {
        const response = await deps.fetch(`${target.url}${path}`, {
          method: 'GET',
          headers: { 'X-SmartToken': target.key, Accept: 'application/json' },
          redirect: 'manual',
          credentials: 'omit',
          cache: 'no-store',
          referrerPolicy: 'no-referrer',
          signal: stop,
        });
        const body = response.type === 'opaqueredirect' ? '' : await readCapped(response);
        const budget = readBudget(response.headers);
        if (budget) deps.observe?.(budget);
        const facts = { status: response.status, type: response.type, headers: response.headers, body };
        return { status: response.status, classification: classifyResponse(facts, deps.now()), latencyMs: latency(), ...(budget && { budget }) };
      } catch {
        // Browsers give no reason for a failed fetch (by design): DNS, refusal, TLS and offline look alike.
        return { status: null, classification: { category: deadline.signal.aborted ? 'timeout' : 'network' }, latencyMs: latency() };
      }
    };
    if (stop.aborted) return { status: null, classification: { category: 'timeout' }, latencyMs: 0 };
    return deps.schedule ? deps.schedule(run) : run();
  }

  /** The identity call, tried again on a 429 with exponential backoff while the give-up time allows. */
  async function identityCall(): Promise<Answer> {
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      const answer = await call(TEST_PATH);
      const { category, retryAt, retryGuessed } = answer.classification;
      if (category !== 'rate-limited' || retryAt === undefined) return answer;
      const now = deps.now();
      const wait = retryGuessed ? BACKOFF_BASE_MS * 2 ** (attempt - 1) : Math.max(0, retryAt - now);
      const next = { ...answer, classification: { ...answer.classification, retryAt: now + wait } };
      if (waited + wait > RETRY_BUDGET_MS || deps.clock() - started + wait >= deps.giveUpMs) return next;
      waited += wait;
      await sleep(wait, stop);
      if (stop.aborted) return next;
    }
  }

  try {
    const identity = await identityCall();
    // Probes only where the identity call reached the API and it answered as the API does: not
    // after no answer, a redirect, a page that is not the API, or a spent budget.
    const probeOn = identity.status !== null && !['unexpected', 'rate-limited'].includes(identity.classification.category);
    const probes = probeOn ? await Promise.all(PROBE_AREAS.map((area) => call(PROBE_PATHS[area]))) : [];
    if (cancelled()) return undefined;
    const answers: AreaAnswer[] = [
      { area: IDENTITY_AREA, status: identity.status, category: identity.classification.category },
      ...PROBE_AREAS.map((area, i) => ({
        area,
        status: probes[i]?.status ?? null,
        category: probes[i]?.classification.category ?? 'network',
      })),
    ];
    const role = probes[PROBE_AREAS.indexOf('me')]?.classification.role;
    const budget = [identity, ...probes].reduce<Budget | undefined>((b, a) => tighter(b, a.budget), undefined);
    const { company, detail, retryAt, redirected } = identity.classification;
    const text = (value: string | undefined, max: number) => clampText(redact(value, target.key), max);
    const result: TestResult = {
      at,
      category: decideVerdict(answers),
      status: identity.status,
      latencyMs: identity.latencyMs,
      endpoint: clampText(`GET ${target.url}${TEST_PATH}`, RESULT_TEXT_MAX.endpoint) ?? '',
      probes: Object.fromEntries(answers.map(({ area, status }) => [area, status])),
    };
    const companyText = text(company, RESULT_TEXT_MAX.company);
    const detailText = text(detail, RESULT_TEXT_MAX.detail);
    const roleText = text(role, RESULT_TEXT_MAX.role);
    return {
      ...result,
      ...(companyText && { company: companyText }),
      ...(detailText && { detail: detailText }),
      ...(roleText && { role: roleText }),
      ...(retryAt !== undefined && identity.classification.category === 'rate-limited' && { retryAt }),
      ...(redirected && { redirected }),
      ...(budget && { budget }),
    };
  } finally {
    clearTimeout(giveUp);
  }
}
