import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARMING_MS, createClickGuard } from './click-guard';

describe('createClickGuard', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('arms only after the prompt has been fully visible for the arming time', () => {
    const changes: boolean[] = [];
    const guard = createClickGuard(Date.now, (armed) => changes.push(armed));
    expect(guard.isArmed()).toBe(false);
    guard.observe({ isVisible: true, intersectionRatio: 1 });
    vi.advanceTimersByTime(ARMING_MS - 1);
    expect(guard.isArmed()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(guard.isArmed()).toBe(true);
    expect(changes.at(-1)).toBe(true);
  });

  it.each([
    ['covered or transparent', { isVisible: false, intersectionRatio: 1 }],
    ['moved out of sight', { isVisible: true, intersectionRatio: 0 }],
    ['clipped to a sliver', { isVisible: true, intersectionRatio: 0.05 }],
    ['clipped to all but a few pixels', { isVisible: true, intersectionRatio: 0.97 }],
  ])('disarms, and starts the clock again, when %s', (_, hidden) => {
    const guard = createClickGuard(Date.now, () => undefined);
    guard.observe({ isVisible: true, intersectionRatio: 1 });
    vi.advanceTimersByTime(ARMING_MS);
    expect(guard.isArmed()).toBe(true);
    guard.observe(hidden);
    expect(guard.isArmed()).toBe(false);
    guard.observe({ isVisible: true, intersectionRatio: 1 });
    vi.advanceTimersByTime(ARMING_MS / 2);
    expect(guard.isArmed()).toBe(false);
  });

  it('arms even when its timer fires a moment before the clock says so', () => {
    const changes: boolean[] = [];
    // A clock that reads 0.5 ms short once time has moved on, as performance.now() can next to timers.
    const start = Date.now();
    const guard = createClickGuard(() => Date.now() - (Date.now() > start ? 0.5 : 0), (armed) => changes.push(armed));
    guard.observe({ isVisible: true, intersectionRatio: 1 });
    vi.advanceTimersByTime(ARMING_MS + 1);
    expect(changes).toEqual([true]);
  });

  it('falls back to the time rule where the browser cannot tell visibility', () => {
    const guard = createClickGuard(Date.now, () => undefined);
    guard.observe({ intersectionRatio: 1 });
    vi.advanceTimersByTime(ARMING_MS);
    expect(guard.isArmed()).toBe(true);
  });

  it('starts the time again on reset (the frame moved, the offer changed)', () => {
    const guard = createClickGuard(Date.now, () => undefined);
    guard.observe({ isVisible: true, intersectionRatio: 1 });
    vi.advanceTimersByTime(ARMING_MS);
    expect(guard.isArmed()).toBe(true);
    guard.reset();
    expect(guard.isArmed()).toBe(false);
    vi.advanceTimersByTime(ARMING_MS - 1);
    expect(guard.isArmed()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(guard.isArmed()).toBe(true);
  });
});
