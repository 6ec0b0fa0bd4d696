import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter';

/** A clock that only moves when someone sleeps, so the test is exact and instant. */
function virtualClock() {
  let time = 0;
  const sleepers: Array<{ until: number; wake: () => void }> = [];
  return {
    now: () => time,
    sleep: (ms: number) => new Promise<void>((wake) => sleepers.push({ until: time + ms, wake })),
    /** Advances to the earliest sleeper and wakes it; false when nobody sleeps. */
    async tick(): Promise<boolean> {
      await new Promise((r) => setTimeout(r, 0));
      sleepers.sort((a, b) => a.until - b.until);
      const next = sleepers.shift();
      if (!next) return false;
      time = Math.max(time, next.until);
      next.wake();
      return true;
    },
  };
}

describe('createRateLimiter', () => {
  it('keeps at most maxConcurrent tasks in flight', async () => {
    const limiter = createRateLimiter({ maxConcurrent: 3, perKeyPerSecond: 100 });
    let inFlight = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limiter.run(`k${i}`, async () => {
          peak = Math.max(peak, ++inFlight);
          await new Promise((r) => setTimeout(r, 2));
          inFlight--;
        }),
      ),
    );
    expect(peak).toBe(3);
  });

  it('starts at most perKeyPerSecond tasks per key in any second', async () => {
    const clock = virtualClock();
    const limiter = createRateLimiter({ maxConcurrent: 8, perKeyPerSecond: 10 }, clock);
    const starts: number[] = [];
    const all = Promise.all(
      Array.from({ length: 25 }, () => limiter.run('same-key', async () => void starts.push(clock.now()))),
    );
    while (await clock.tick());
    await all;
    expect(starts).toHaveLength(25);
    for (let i = 10; i < starts.length; i++) expect(starts[i]! - starts[i - 10]!).toBeGreaterThanOrEqual(1_000);
    expect(starts.at(-1)).toBe(2_000);
  });

  it('does not slow down different keys', async () => {
    const clock = virtualClock();
    const limiter = createRateLimiter({ maxConcurrent: 8, perKeyPerSecond: 10 }, clock);
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 30 }, (_, i) => limiter.run(`k${i}`, async () => void starts.push(clock.now()))));
    expect(new Set(starts)).toEqual(new Set([0]));
  });

  it('frees the slot of a task that throws', async () => {
    const limiter = createRateLimiter({ maxConcurrent: 1, perKeyPerSecond: 10 });
    await expect(limiter.run('a', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await expect(limiter.run('b', async () => 'ok')).resolves.toBe('ok');
  });

  it('pauses a key whose per-second budget the API said is spent, until the next second', async () => {
    const clock = virtualClock();
    const limiter = createRateLimiter({ maxConcurrent: 8, perKeyPerSecond: 10 }, clock);
    limiter.observe('spent', { remaining: 0 });
    const starts: Record<string, number> = {};
    const all = Promise.all([
      limiter.run('spent', async () => void (starts.spent = clock.now())),
      limiter.run('other', async () => void (starts.other = clock.now())),
    ]);
    while (await clock.tick());
    await all;
    expect(starts).toEqual({ spent: 1_000, other: 0 });
  });

  it('holds a key whose concurrent budget is spent until one of its calls ends', async () => {
    const limiter = createRateLimiter({ maxConcurrent: 8, perKeyPerSecond: 10 });
    const order: string[] = [];
    let finishFirst!: () => void;
    const first = limiter.run('k', async () => {
      order.push('first starts');
      limiter.observe('k', { concurrentRemaining: 0 });
      await new Promise<void>((resolve) => (finishFirst = resolve));
      order.push('first ends');
    });
    await new Promise((r) => setTimeout(r, 0));
    const second = limiter.run('k', async () => void order.push('second starts'));
    await new Promise((r) => setTimeout(r, 5));
    finishFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(['first starts', 'first ends', 'second starts']);
  });
});
