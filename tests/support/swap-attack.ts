/**
 * What the Chromium and Firefox swap attacks share. They time a click against the moment a new
 * offer showed, by the prompt's own clock. On a loaded machine the click can come after the
 * guard's 500 ms, which proves nothing: such a try throws this, and is tried again; any other
 * failure is not.
 */
export const tooLateToTell = (ms: number) => new Error(`inconclusive: the click came ${Math.round(ms)} ms after the offer showed, by the prompt's clock`);

/** A timed test's options: tried again only when its click came too late to tell. */
export const RETRY_WHEN_TOO_LATE = { retry: { count: 2, condition: /^inconclusive:/ } };

/** Whether a frame sits in a viewport's bottom-right corner: its centre is in that quarter. */
export const inBottomRight = (box: { x: number; y: number; width: number; height: number }, viewport: { width: number; height: number }) =>
  box.x + box.width / 2 > viewport.width / 2 && box.y + box.height / 2 > viewport.height / 2;
