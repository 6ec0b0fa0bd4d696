import { describe, expect, it } from 'vitest';
import { frameStyle, probePoints, sameBox, styleProblem } from './frame-integrity';

const box = { left: 10, top: 20, width: 300, height: 200 };

/** A computed style as a browser would give it for a frame styled by frameStyle(). */
function computed(overrides: Record<string, string> = {}) {
  const values: Record<string, string> = {
    position: 'fixed',
    display: 'block',
    visibility: 'visible',
    opacity: '1',
    filter: 'none',
    transform: 'none',
    translate: 'none',
    scale: 'none',
    rotate: 'none',
    'clip-path': 'none',
    'mask-image': 'none',
    '-webkit-mask-box-image': 'none',
    'mix-blend-mode': 'normal',
    'pointer-events': 'auto',
    'content-visibility': 'visible',
    zoom: '1',
    ...overrides,
  };
  return { getPropertyValue: (name: string) => values[name] ?? '' };
}

describe('frameStyle', () => {
  it('pins every property that decides what is seen, and the box, with !important', () => {
    const style = frameStyle(box);
    for (const declaration of [
      'opacity: 1 !important',
      'left: 10px !important',
      'height: 200px !important',
      'clip-path: none !important',
      '-webkit-mask-box-image: none !important',
    ]) {
      expect(style).toContain(declaration);
    }
    // The inset shorthand would reset left and top: it must not come after them.
    expect(style).not.toMatch(/inset:/);
    expect(frameStyle(box, true)).toContain('visibility: hidden !important');
  });
});

describe('styleProblem', () => {
  it('accepts the frame as styled', () => {
    expect(styleProblem(computed())).toBeNull();
    expect(styleProblem(computed({ zoom: 'normal' }))).toBeNull();
    // A property this engine does not know computes to ''.
    expect(styleProblem(computed({ 'content-visibility': '' }))).toBeNull();
  });

  it.each([
    ['opacity', '0.05'],
    ['visibility', 'hidden'],
    ['filter', 'opacity(0)'],
    ['transform', 'matrix(1, 0, 0, 1, 5, 0)'],
    ['clip-path', 'inset(0px 0px 250px)'],
    ['-webkit-mask-box-image', 'linear-gradient(transparent, transparent)'],
    ['mix-blend-mode', 'multiply'],
    ['pointer-events', 'none'],
    ['zoom', '0.1'],
  ])('names a frame whose %s is %s', (name, value) => {
    expect(styleProblem(computed({ [name]: value }))).toBe(`style:${name}`);
  });
});

describe('sameBox and probePoints', () => {
  it('tolerates sub-pixel rounding, not a move', () => {
    expect(sameBox(box, { ...box, left: 10.4 })).toBe(true);
    expect(sameBox(box, { ...box, left: 11.5 })).toBe(false);
  });

  it('probes inside the box: near each corner and at the centre', () => {
    const points = probePoints(box);
    expect(points).toHaveLength(5);
    for (const [x, y] of points) {
      expect(x).toBeGreaterThan(box.left);
      expect(x).toBeLessThan(box.left + box.width);
      expect(y).toBeGreaterThan(box.top);
      expect(y).toBeLessThan(box.top + box.height);
    }
  });
});
