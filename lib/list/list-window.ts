/**
 * Which rows of a long list to draw: the ones in view plus a margin, every row `rowHeight` high
 * except one expanded row, `extra` taller. The rest is padding of the right height, so the
 * scroll bar and scrolling behave as if every row were there.
 */
export interface ListWindow {
  start: number;
  end: number;
  padTop: number;
  padBottom: number;
}

export interface WindowInput {
  count: number;
  rowHeight: number;
  scrollTop: number;
  viewport: number;
  /** The expanded row, or -1. */
  expanded: number;
  extra: number;
  overscan: number;
}

/** Where row `index` starts. */
export const rowTop = (index: number, { rowHeight, expanded, extra }: Pick<WindowInput, 'rowHeight' | 'expanded' | 'extra'>) =>
  index * rowHeight + (expanded >= 0 && index > expanded ? extra : 0);

/** The row at offset `y`. */
function rowAt(y: number, { count, rowHeight, expanded, extra }: WindowInput): number {
  let index: number;
  if (expanded < 0 || y < expanded * rowHeight) index = Math.floor(y / rowHeight);
  else if (y < (expanded + 1) * rowHeight + extra) index = expanded;
  else index = Math.floor((y - extra) / rowHeight);
  return Math.min(Math.max(index, 0), Math.max(count - 1, 0));
}

export function listWindow(input: WindowInput): ListWindow {
  const { count, scrollTop, viewport, overscan } = input;
  if (count === 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 };
  const start = Math.max(0, rowAt(scrollTop, input) - overscan);
  const end = Math.min(count, rowAt(scrollTop + viewport, input) + overscan + 1);
  const total = rowTop(count, input);
  return { start, end, padTop: rowTop(start, input), padBottom: total - rowTop(end, input) };
}
