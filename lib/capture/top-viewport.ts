import type { Box } from '../prompt/placement';

/**
 * An element's box in the top frame's viewport, through same-origin frames; null where a frame
 * on the way is of another origin (its position is not ours to read).
 */
export function boxInTopViewport(el: Element): Box | null {
  const rect = el.getBoundingClientRect();
  let left = rect.left;
  let top = rect.top;
  try {
    for (let view: Window | null = el.ownerDocument.defaultView; view && view !== view.top; view = view.parent) {
      const owner = view.frameElement;
      if (!owner) return null;
      const outer = owner.getBoundingClientRect();
      left += outer.left + owner.clientLeft;
      top += outer.top + owner.clientTop;
    }
  } catch {
    return null;
  }
  return { left, top, width: rect.width, height: rect.height };
}
