// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActionGate } from './action-gate';
import { ARMING_MS, createClickGuard } from './click-guard';

const trusted = (event: Event) => Object.defineProperty(event, 'isTrusted', { value: true });
const key = (k: string) => trusted(new KeyboardEvent('keydown', { key: k }));

describe('createActionGate', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function armedGuard() {
    const guard = createClickGuard(Date.now, () => undefined);
    guard.observe({ isVisible: true, intersectionRatio: 1 });
    vi.advanceTimersByTime(ARMING_MS);
    return guard;
  }

  it('lets an action run when the prompt and the content script both say it has held still', async () => {
    const gate = createActionGate(armedGuard(), async () => ARMING_MS + 10);
    expect(await gate.check()).toBeUndefined();
  });

  it('refuses, and arms again from zero, when the content script saw the frame move', async () => {
    const guard = armedGuard();
    const gate = createActionGate(guard, async () => 40);
    expect(await gate.check()).toBe('moved');
    expect(guard.isArmed()).toBe(false);
  });

  it('refuses before the prompt has been visible long enough, without asking', async () => {
    const confirm = vi.fn(async () => 10_000);
    const gate = createActionGate(createClickGuard(Date.now, () => undefined), confirm);
    expect(await gate.check()).toBe('too-soon');
    expect(confirm).not.toHaveBeenCalled();
  });

  it('lets Enter and Space act only after the user has acted inside the prompt', () => {
    const gate = createActionGate(armedGuard(), async () => ARMING_MS);
    expect(gate.note(key('Enter'))).toBe('act-first');
    expect(gate.note(key(' '))).toBe('act-first');
    expect(gate.note(key('Escape'))).toBeUndefined();
    expect(gate.note(key('Enter'))).toBe('act-first');
    gate.note(key('Tab'));
    expect(gate.note(key('Enter'))).toBeUndefined();
  });

  it('counts a pointer press as acting, and ignores events a script made', () => {
    const gate = createActionGate(armedGuard(), async () => ARMING_MS);
    gate.note(new PointerEvent('pointerdown'));
    expect(gate.note(key('Enter'))).toBe('act-first');
    gate.note(trusted(new PointerEvent('pointerdown')));
    expect(gate.note(key('Enter'))).toBeUndefined();
  });
});
