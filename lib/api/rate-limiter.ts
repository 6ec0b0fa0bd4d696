import type { Budget } from '../connections/schema';

export interface RateLimits {
  /** Requests in flight at once, across all keys. */
  maxConcurrent: number;
  /** Requests started per key in any one-second window. */
  perKeyPerSecond: number;
}

/** SmartRecruiters' documented limits for standard endpoints: 8 concurrent, 10 per second per credential. */
export const SMARTRECRUITERS_LIMITS: RateLimits = { maxConcurrent: 8, perKeyPerSecond: 10 };

interface Clock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

const realClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

const WINDOW_MS = 1_000;

export function createRateLimiter(limits: RateLimits, clock: Clock = realClock) {
  let active = 0;
  const queue: Array<() => void> = [];
  const startsByKey = new Map<string, number[]>();
  /** Until when a key's per-second budget is spent, as the API last said (X-RateLimit-Remaining: 0). */
  const pausedUntil = new Map<string, number>();
  /** Keys whose concurrent budget the API said is spent, and their calls in flight. */
  const concurrentFull = new Set<string>();
  const inFlight = new Map<string, number>();
  const waitingForRelease = new Map<string, Array<() => void>>();

  async function acquire(): Promise<void> {
    if (active < limits.maxConcurrent) {
      active++;
      return;
    }
    // The releasing task hands its slot straight over, so `active` stays counted.
    await new Promise<void>((resolve) => queue.push(resolve));
  }

  function release(): void {
    const next = queue.shift();
    if (next) next();
    else active--;
  }

  /** Waits while the API said this key has nothing left: until the next second, or until one of its calls ends. */
  async function waitForBudget(key: string): Promise<void> {
    for (;;) {
      const until = pausedUntil.get(key) ?? 0;
      const now = clock.now();
      if (until > now) {
        await clock.sleep(until - now);
        continue;
      }
      if (concurrentFull.has(key) && (inFlight.get(key) ?? 0) > 0) {
        await new Promise<void>((resolve) => waitingForRelease.set(key, [...(waitingForRelease.get(key) ?? []), resolve]));
        continue;
      }
      return;
    }
  }

  function endCall(key: string): void {
    const left = (inFlight.get(key) ?? 1) - 1;
    if (left > 0) inFlight.set(key, left);
    else inFlight.delete(key);
    concurrentFull.delete(key);
    const waiters = waitingForRelease.get(key) ?? [];
    waitingForRelease.delete(key);
    for (const wake of waiters) wake();
  }

  async function waitForKey(key: string): Promise<void> {
    for (;;) {
      const now = clock.now();
      const recent = (startsByKey.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
      if (recent.length < limits.perKeyPerSecond) {
        recent.push(now);
        startsByKey.set(key, recent);
        return;
      }
      startsByKey.set(key, recent);
      await clock.sleep(recent[0]! + WINDOW_MS - now);
    }
  }

  return {
    async run<T>(key: string, task: () => Promise<T>): Promise<T> {
      // A spent budget waits before taking a slot, so a paused key holds up no other key.
      await waitForBudget(key);
      await acquire();
      let started = false;
      try {
        await waitForKey(key);
        inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
        started = true;
        return await task();
      } finally {
        if (started) endCall(key);
        release();
      }
    },
    /** What the API said is left of this key's budget (rate-limit-headers.ts). */
    observe(key: string, budget: Budget): void {
      if (budget.remaining === 0) pausedUntil.set(key, clock.now() + WINDOW_MS);
      if (budget.concurrentRemaining === 0) concurrentFull.add(key);
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
