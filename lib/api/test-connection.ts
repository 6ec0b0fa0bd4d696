import type { TestResult } from '../connections/schema';
import { type Classification, classifyResponse } from './classify-response';

export const TEST_PATH = '/configuration/company';
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Enough for any company record; a larger body is cut, not buffered whole. */
const BODY_LIMIT = 64 * 1024;

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
  timeoutMs: number;
}

export const defaultTesterDeps = (): TesterDeps => ({
  fetch: (...args) => globalThis.fetch(...args),
  now: Date.now,
  clock: () => performance.now(),
  timeoutMs: DEFAULT_TIMEOUT_MS,
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

/** A server that echoes the key back must not get it into the UI or storage. */
function redact(text: string | undefined, key: string): string | undefined {
  return text?.split(key).join('•••');
}

/**
 * One identity check: GET {url}/configuration/company with the key in X-SmartToken. Never
 * throws; every outcome is a TestResult. The key goes to the connection's own URL only, and a
 * redirect is reported, never followed with the key attached.
 */
export async function testConnection(target: TestTarget, deps: TesterDeps): Promise<TestResult> {
  const endpointUrl = `${target.url}${TEST_PATH}`;
  const endpoint = `GET ${endpointUrl}`;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, deps.timeoutMs);
  const at = deps.now();
  const started = deps.clock();
  const finish = (status: number | null, classification: Classification): TestResult => {
    const detail = redact(classification.detail, target.key);
    return {
      at,
      status,
      latencyMs: Math.round(deps.clock() - started),
      endpoint,
      category: classification.category,
      ...(classification.company && { company: redact(classification.company, target.key) }),
      ...(detail && { detail }),
      ...(classification.retryAt !== undefined && { retryAt: classification.retryAt }),
    };
  };
  try {
    const response = await deps.fetch(endpointUrl, {
      method: 'GET',
      headers: { 'X-SmartToken': target.key, Accept: 'application/json' },
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
    const body = response.type === 'opaqueredirect' ? '' : await readCapped(response);
    return finish(response.status, classifyResponse({ status: response.status, type: response.type, headers: response.headers, body }, deps.now()));
  } catch {
    // Browsers give no reason for a failed fetch (by design): DNS, refusal, TLS and offline look alike.
    return finish(null, { category: timedOut ? 'timeout' : 'network' });
  } finally {
    clearTimeout(timer);
  }
}
