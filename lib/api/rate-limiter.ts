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
      await acquire();
      try {
        await waitForKey(key);
        return await task();
      } finally {
        release();
      }
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
