/** How long the prompt must have been in view, uncovered and opaque, before a click counts, as password managers do. */
export const ARMING_MS = 500;

interface VisibilityEntry {
  isVisible?: boolean;
  intersectionRatio: number;
}

/**
 * Decides whether a click on the prompt is the user's own: the prompt must have been shown,
 * unobscured and opaque, for ARMING_MS. The portal page owns the frame's container and could
 * make it transparent or cover it to steer a click (clickjacking). Where the browser can tell
 * (IntersectionObserver v2's `isVisible`, Chromium), any occlusion, transparency or transform
 * disarms the prompt; elsewhere the time rule still holds.
 */
export function createClickGuard(now: () => number, onChange: (armed: boolean) => void) {
  let visibleSince: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function update(visible: boolean) {
    clearTimeout(timer);
    if (!visible) {
      visibleSince = undefined;
      onChange(false);
      return;
    }
    visibleSince ??= now();
    waitUntilArmed();
  }

  // Timers may fire a fraction of a millisecond before `now` says the time is up: check again
  // rather than report "not armed" for good.
  function waitUntilArmed() {
    if (visibleSince === undefined) return;
    if (isArmed()) return onChange(true);
    timer = setTimeout(waitUntilArmed, Math.max(1, Math.ceil(visibleSince + ARMING_MS - now())));
  }

  function isArmed(): boolean {
    return visibleSince !== undefined && now() - visibleSince >= ARMING_MS;
  }

  return {
    /**
     * Feeds one IntersectionObserver entry (or a plain visibility fact where there is no observer).
     * Any part in view counts: while the prompt grows, its frame clips it for a moment, and that
     * must not disarm it. Covering or fading any of it still does (`isVisible`).
     */
    observe(entry: VisibilityEntry) {
      update(entry.intersectionRatio > 0 && entry.isVisible !== false);
    },
    isArmed,
  };
}

export type ClickGuard = ReturnType<typeof createClickGuard>;
