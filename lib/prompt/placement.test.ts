import { describe, expect, it } from 'vitest';
import { PROMPT_HEIGHT, PROMPT_WIDTH, nextCorner, placePrompt, promptSize } from './placement';

const within = (box: { left: number; top: number; width: number; height: number }, vw: number, vh: number) =>
  box.left >= 0 && box.top >= 0 && box.left + box.width <= vw && box.top + box.height <= vh;

describe('promptSize', () => {
  it('is one size for every offer, narrowed to fit small viewports', () => {
    expect(promptSize({ width: 1366, height: 768 })).toEqual({ width: PROMPT_WIDTH, height: PROMPT_HEIGHT });
    expect(promptSize({ width: 360, height: 640 })).toEqual({ width: 344, height: PROMPT_HEIGHT });
    expect(promptSize({ width: 320, height: 640 })).toEqual({ width: 304, height: PROMPT_HEIGHT });
  });
});

describe('placePrompt', () => {
  it.each([
    [1366, 768],
    [1024, 768],
    [480, 800],
    [360, 640],
    [360, 200],
  ])('is wholly visible at %i×%i', (width, height) => {
    for (const corner of ['top-right', 'bottom-left'] as const) {
      expect(within(placePrompt({ width, height }, null, corner), width, height)).toBe(true);
    }
  });

  it('takes the preferred corner when nothing is in the way', () => {
    expect(placePrompt({ width: 1366, height: 768 }, null, 'bottom-left')).toMatchObject({ corner: 'bottom-left', left: 16 });
  });

  it('moves to a corner clear of the portal\'s pop-up', () => {
    // A pop-up in the top right third: the prompt goes to the next corner clockwise that is clear.
    const popup = { left: 900, top: 20, width: 440, height: 300 };
    const box = placePrompt({ width: 1366, height: 768 }, popup, 'top-right');
    expect(box.corner).toBe('bottom-right');
  });

  it('hugs the edge when that is what clears a centred pop-up at 1280×720', () => {
    const popup = { left: 360, top: 227, width: 560, height: 266 };
    const box = placePrompt({ width: 1280, height: 720 }, popup, 'top-right');
    expect(box.left).toBeGreaterThanOrEqual(popup.left + popup.width);
  });

  it('keeps clear of a centred pop-up at 1366×768', () => {
    const popup = { left: 403, top: 250, width: 560, height: 270 };
    const box = placePrompt({ width: 1366, height: 768 }, popup, 'top-right');
    expect(box.left).toBeGreaterThanOrEqual(popup.left + popup.width);
  });

  it('where it must cover, covers the pop-up\'s top rather than its buttons', () => {
    const popup = { left: 14, top: 150, width: 331, height: 340 };
    const box = placePrompt({ width: 360, height: 640 }, popup, 'bottom-right');
    expect(box.top).toBeLessThan(popup.top);
  });

  it('cycles through the corners', () => {
    expect(nextCorner('top-left')).toBe('top-right');
    expect(nextCorner('top-right')).toBe('bottom-right');
  });
});
