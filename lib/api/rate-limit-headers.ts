import type { Budget } from '../connections/schema';

const HEADER_MAX = 100_000;

/** A header's whole number, clamped; undefined when absent or not a number. */
function headerInt(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name)?.trim();
  if (!raw || !/^\d{1,15}$/.test(raw)) return undefined;
  return Math.min(Number(raw), HEADER_MAX);
}

/**
 * SmartRecruiters sends its per-key budget on every answer. Read, clamped, and only what is
 * there: a server that sends none gets no budget shown.
 */
export function readBudget(headers: Headers): Budget | undefined {
  const budget: Budget = {};
  const fields: Array<[keyof Budget, string]> = [
    ['limit', 'x-ratelimit-limit'],
    ['remaining', 'x-ratelimit-remaining'],
    ['concurrentLimit', 'x-ratelimit-concurrent-limit'],
    ['concurrentRemaining', 'x-ratelimit-concurrent-remaining'],
  ];
  for (const [field, header] of fields) {
    const value = headerInt(headers, header);
    if (value !== undefined) budget[field] = value;
  }
  return Object.keys(budget).length ? budget : undefined;
}

/** Of two budgets read in one check, the tighter one is what the key has left. */
export function tighter(a: Budget | undefined, b: Budget | undefined): Budget | undefined {
  if (!a || !b) return a ?? b;
  return (b.remaining ?? Infinity) < (a.remaining ?? Infinity) ? b : a;
}
