import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Outcome, fail, ok } from '../result';
import { RETRY_MS, watchBackgroundRead } from './watch-background-read';

describe("following a stored value through the background's reads", () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('asks again when the background could not be reached, and keeps what was shown on other failures', async () => {
    const answers: Array<Outcome<string>> = [fail('internal'), fail('internal'), ok('first'), fail('bad-message')];
    const read = vi.fn(async () => answers.shift() ?? ok('later'));
    const seen: string[] = [];
    const stop = watchBackgroundRead(read, (keys) => keys.includes('watched'), (value) => void seen.push(value));
    await vi.advanceTimersByTimeAsync(RETRY_MS[0] + RETRY_MS[1]);
    expect(read).toHaveBeenCalledTimes(3);
    expect(seen).toEqual(['first']);
    await fakeBrowser.storage.local.set({ watched: 1 });
    await vi.advanceTimersByTimeAsync(10_000);
    // "bad-message" is an answer, not an unreachable background: not asked again.
    expect(read).toHaveBeenCalledTimes(4);
    await fakeBrowser.storage.local.set({ other: 1 });
    expect(read).toHaveBeenCalledTimes(4);
    stop();
  });

  it('drops an answer that comes after a newer one, or after it stopped', async () => {
    const pending: Array<(outcome: Outcome<string>) => void> = [];
    const read = () => new Promise<Outcome<string>>((resolve) => pending.push(resolve));
    const seen: string[] = [];
    const stop = watchBackgroundRead(read, () => true, (value) => void seen.push(value));
    await fakeBrowser.storage.local.set({ any: 1 });
    pending[1]!(ok('newer'));
    pending[0]!(ok('older'));
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(['newer']);
    await fakeBrowser.storage.local.set({ any: 2 });
    stop();
    pending[2]!(ok('after stop'));
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(['newer']);
  });
});
