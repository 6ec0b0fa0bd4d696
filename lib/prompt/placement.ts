/** Where the prompt sits in the viewport: a corner the user picked (remembered), else clear of the portal's pop-up. */
export const CORNERS = ['top-right', 'bottom-right', 'bottom-left', 'top-left'] as const;
export type Corner = (typeof CORNERS)[number];

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The prompt's one size: the same for every offer, so the page learns nothing from it (a bigger
 * frame for a name that matches a saved connection would tell the page which names exist). It
 * depends on the viewport only, and narrows so that it is always wholly visible (360 px phones).
 */
export const PROMPT_WIDTH = 344;
export const PROMPT_HEIGHT = 296;
const MARGIN = 16;
const TIGHT_MARGIN = 8;

export function promptSize(viewport: { width: number; height: number }): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(PROMPT_WIDTH, viewport.width - 2 * TIGHT_MARGIN)),
    height: Math.max(0, Math.min(PROMPT_HEIGHT, viewport.height - 2 * TIGHT_MARGIN)),
  };
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

function cornerBox(
  corner: Corner,
  viewport: { width: number; height: number },
  size: { width: number; height: number },
  preferredMargin: number,
): Box {
  const margin = (room: number, extent: number) =>
    room - extent >= 2 * preferredMargin ? preferredMargin : Math.max(0, (room - extent) / 2);
  const mx = margin(viewport.width, size.width);
  const my = margin(viewport.height, size.height);
  return {
    left: corner.endsWith('left') ? mx : viewport.width - size.width - mx,
    top: corner.startsWith('top') ? my : viewport.height - size.height - my,
    ...size,
  };
}

/**
 * The prompt's box: the preferred corner, unless it covers the pop-up that shows the key; then
 * the next corner clockwise that does not; where every corner covers it (a small viewport), the
 * one that covers least, preferring to cover the pop-up's top (its title) over its bottom (its
 * buttons).
 */
export function placePrompt(
  viewport: { width: number; height: number },
  avoid: Box | null,
  preferred: Corner,
): Box & { corner: Corner } {
  const size = promptSize(viewport);
  const start = CORNERS.indexOf(preferred);
  const order = CORNERS.map((_, i) => CORNERS[(start + i) % CORNERS.length]!);
  // Each corner with the usual margin, then hugging the edge: a little closer to the edge may be
  // all it takes to clear the pop-up.
  const candidates = [MARGIN, TIGHT_MARGIN].flatMap((margin) =>
    order.map((corner) => ({ corner, ...cornerBox(corner, viewport, size, margin) })),
  );
  if (!avoid) return candidates[0]!;
  const cost = (box: Box & { corner: Corner }) => {
    const covered = overlap(box, avoid);
    if (covered === 0) return 0;
    // Covering the lower half (where a pop-up's buttons are) counts double.
    const lower = overlap(box, { ...avoid, top: avoid.top + avoid.height / 2, height: avoid.height / 2 });
    return covered + lower;
  };
  return candidates.reduce((best, box) => (cost(box) < cost(best) ? box : best));
}

export const nextCorner = (corner: Corner): Corner => CORNERS[(CORNERS.indexOf(corner) + 1) % CORNERS.length]!;
