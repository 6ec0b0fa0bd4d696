import { RESULT_TEXT_MAX, RETRY_MAX_MS, type TestCategory, type TestResult, testResultSchema } from '../connections/schema';
import { clampText } from '../api/redact';
import { count, z } from '../schema/z';

/**
 * A connection's test results live apart from the vault, one storage key per connection: the
 * last full result and up to 10 compact history entries. Reading or writing one connection's
 * results costs the same whatever the vault's size, and a bad entry costs only itself.
 */
export { RESULT_KEY_PREFIX, resultKey } from './result-key';
export const HISTORY_MAX = 10;

/**
 * One past result, small: when, what, the status and the time it took. Stored as a tuple with
 * the verdict as a number (`[1764000600000,0,200,182]`, about 28 bytes) rather than an object:
 * 5,000 connections × 10 entries is where the bytes are (README, "Storage budget").
 */
/** Each verdict's number in stored history. Fixed: a new verdict takes the next number. */
const HISTORY_CODE: Readonly<Record<TestCategory, number>> = {
  connected: 0,
  'invalid-key': 1,
  'access-denied': 2,
  'rate-limited': 3,
  'server-error': 4,
  unexpected: 5,
  timeout: 6,
  network: 7,
  limited: 8,
};
const CATEGORY_OF = new Map(Object.entries(HISTORY_CODE).map(([category, code]) => [code, category as TestCategory]));
export const storedHistoryEntrySchema = z.tuple([
  count(),
  count(),
  z.nullable(z.int().check(z.gte(0), z.lte(999))),
  count().check(z.lte(3_600_000)),
]);
export interface HistoryEntry {
  at: number;
  category: TestCategory;
  status: number | null;
  latencyMs: number;
}
const toStoredEntry = ({ at, category, status, latencyMs }: HistoryEntry) => [at, HISTORY_CODE[category], status, latencyMs] as const;

/**
 * A connection's entry as stored under its key. The last result goes without its endpoint: that
 * is the connection's URL and the identity path, shown from the connection (saves ~60 bytes each).
 */
export function toStored({ last, history }: ConnectionResults) {
  const stored = last && { ...last };
  if (stored) delete stored.endpoint;
  return { ...(stored && { last: stored }), history: history.map(toStoredEntry) };
}

export interface ConnectionResults {
  last?: TestResult;
  /** Oldest first, at most HISTORY_MAX, the last result included. */
  history: HistoryEntry[];
}

export const compact = ({ at, category, status, latencyMs }: TestResult): HistoryEntry => ({ at, category, status, latencyMs });

/**
 * A result as it may be stored: texts cut, numbers brought into range, then validated. What a
 * server sent can be odd or hostile; none of it can make the stored result unreadable. Returns
 * undefined for something that is not a result at all.
 */
export function clampResult(result: TestResult, now = Date.now()): TestResult | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  const textOrUndefined = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const cut = (value: string | undefined, max: number) => clampText(value, max);
  const clamped = {
    ...result,
    latencyMs: typeof result.latencyMs === 'number' ? Math.min(Math.max(0, Math.round(result.latencyMs)), 3_600_000) : result.latencyMs,
    endpoint: cut(textOrUndefined(result.endpoint), RESULT_TEXT_MAX.endpoint),
    company: cut(textOrUndefined(result.company), RESULT_TEXT_MAX.company),
    detail: cut(textOrUndefined(result.detail), RESULT_TEXT_MAX.detail),
    role: cut(textOrUndefined(result.role), RESULT_TEXT_MAX.role),
    retryAt:
      typeof result.retryAt === 'number' ? Math.min(Math.max(0, Math.round(result.retryAt)), now + RETRY_MAX_MS) : result.retryAt,
  };
  const withoutEmpty = Object.fromEntries(Object.entries(clamped).filter(([, v]) => v !== undefined));
  const parsed = testResultSchema.safeParse(withoutEmpty);
  return parsed.success ? parsed.data : undefined;
}

/** Reads a stored entry, dropping whatever part of it does not validate (never the connection). */
export function parseResults(raw: unknown): ConnectionResults {
  if (typeof raw !== 'object' || raw === null) return { history: [] };
  const { last, history } = raw as { last?: unknown; history?: unknown };
  const parsedLast = last === undefined ? undefined : testResultSchema.safeParse(last);
  const entries = Array.isArray(history) ? history.slice(-HISTORY_MAX) : [];
  return {
    ...(parsedLast?.success && { last: parsedLast.data }),
    history: entries.flatMap((entry) => {
      const parsed = storedHistoryEntrySchema.safeParse(entry);
      if (!parsed.success) return [];
      const [at, code, status, latencyMs] = parsed.data;
      const category = CATEGORY_OF.get(code);
      return category ? [{ at, category, status, latencyMs }] : [];
    }),
  };
}

/** The stored form after one more result. */
export function withResult(current: ConnectionResults, result: TestResult): ConnectionResults {
  return { last: result, history: [...current.history, compact(result)].slice(-HISTORY_MAX) };
}
