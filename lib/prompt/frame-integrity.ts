import type { Box } from './placement';

/**
 * The properties that decide whether what the user sees of the prompt is the prompt, each pinned
 * on the frame inline with !important, which no stylesheet of the page can override. The page's
 * scripts can still rewrite the inline style; frameProblem() notices that.
 */
const PINNED: Readonly<Record<string, string>> = {
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
  // The older mask (border-image) syntax, in Chromium: a page's style sheet can make the frame
  // wholly transparent with it, and IntersectionObserver v2 does not count it as an effect.
  '-webkit-mask-box-image': 'none',
  'mask-border-source': 'none',
  '-webkit-box-reflect': 'none',
  'mix-blend-mode': 'normal',
  'offset-path': 'none',
  'pointer-events': 'auto',
  'content-visibility': 'visible',
  zoom: '1',
};

/** Looks only: they change nothing of what can be seen through or over the frame. */
const COSMETIC =
  'margin: 0; padding: 0; border: 0; max-width: none; max-height: none; min-width: 0; min-height: 0;' +
  ' border-radius: 12px; overflow: hidden; background: transparent; box-shadow: 0 8px 28px rgb(0 0 0 / 30%), 0 0 0 1px rgb(0 0 0 / 8%);' +
  ' color-scheme: normal; box-sizing: border-box; clip: auto; outline: none';

/** The frame's inline style for a box: the pinned properties, its geometry and its looks, all !important. */
export function frameStyle(box: Box, hidden = false): string {
  const declarations = {
    ...PINNED,
    ...(hidden && { visibility: 'hidden' }),
    left: `${box.left}px`,
    top: `${box.top}px`,
    right: 'auto',
    bottom: 'auto',
    width: `${box.width}px`,
    height: `${box.height}px`,
  };
  const pinned = Object.entries(declarations).map(([name, value]) => `${name}: ${value} !important`);
  const cosmetic = COSMETIC.split(';').map((d) => `${d.trim()} !important`);
  return [...pinned, ...cosmetic].join('; ');
}

/** A computed style, read by name; CSSStyleDeclaration in a browser. */
interface ComputedStyle {
  getPropertyValue(name: string): string;
}

/**
 * Why a computed style does not show the frame as it should, or null. Properties a browser does
 * not know compute to '' and are skipped (zoom in an older engine, say).
 */
export function styleProblem(computed: ComputedStyle): string | null {
  for (const [name, expected] of Object.entries(PINNED)) {
    const value = computed.getPropertyValue(name).trim();
    if (value && value !== expected && !(name === 'zoom' && value === 'normal')) return `style:${name}`;
  }
  return null;
}

/** Whether two boxes are the same within a pixel (sub-pixel layout rounds differently per browser). */
export function sameBox(a: Box, b: Box): boolean {
  return (
    Math.abs(a.left - b.left) < 1 && Math.abs(a.top - b.top) < 1 && Math.abs(a.width - b.width) < 1 && Math.abs(a.height - b.height) < 1
  );
}

/** Points inside a box to hit-test: near each corner and the centre. */
export function probePoints(box: Box): Array<[number, number]> {
  const inset = 4;
  const right = box.left + box.width - inset;
  const bottom = box.top + box.height - inset;
  return [
    [box.left + inset, box.top + inset],
    [right, box.top + inset],
    [box.left + inset, bottom],
    [right, bottom],
    [box.left + box.width / 2, box.top + box.height / 2],
  ];
}

/** Top-layer elements of a document (open popovers, modal dialogs, fullscreen), as far as a query can see. */
export function openTopLayer(doc: Document): Element[] {
  const open = [...doc.querySelectorAll(':popover-open, dialog:modal')];
  if (doc.fullscreenElement) open.push(doc.fullscreenElement);
  return open;
}
