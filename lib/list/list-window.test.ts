import { describe, expect, it } from 'vitest';
import { listWindow } from './list-window';

const base = { count: 5_000, rowHeight: 40, scrollTop: 0, viewport: 400, expanded: -1, extra: 0, overscan: 2 };

describe('the drawn window of a long list', () => {
  it('draws the rows in view and a margin, and pads for the rest', () => {
    expect(listWindow(base)).toEqual({ start: 0, end: 13, padTop: 0, padBottom: (5_000 - 13) * 40 });
    expect(listWindow({ ...base, scrollTop: 4_000 })).toEqual({ start: 98, end: 113, padTop: 98 * 40, padBottom: (5_000 - 113) * 40 });
  });

  it('counts an expanded row above the window in the top padding', () => {
    const w = listWindow({ ...base, scrollTop: 4_000 + 200, expanded: 10, extra: 200 });
    expect(w.start).toBe(98);
    expect(w.padTop).toBe(98 * 40 + 200);
    expect(w.padTop + (w.end - w.start) * 40 + w.padBottom).toBe(5_000 * 40 + 200);
  });

  it('keeps the expanded row drawn while any of it is in view', () => {
    const w = listWindow({ ...base, scrollTop: 10 * 40 + 150, expanded: 10, extra: 200, overscan: 0 });
    expect(w.start).toBe(10);
  });

  it('draws a short list whole and an empty one not at all', () => {
    expect(listWindow({ ...base, count: 3 })).toEqual({ start: 0, end: 3, padTop: 0, padBottom: 0 });
    expect(listWindow({ ...base, count: 0 })).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
  });
});
