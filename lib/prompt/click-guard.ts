/** How long the prompt must have been wholly in view, uncovered, opaque and still before a click counts, as password managers do. */
export const ARMING_MS = 500;

/** The frame has one fixed size; anything short of all of it in view means the page clips it. */
const WHOLLY_VISIBLE = 0.99;

interface VisibilityEntry {
  isVisible?: boolean;
  intersectionRatio: number;
}

/**
 * The prompt's own half of the guard: it must have been wholly in view and (where the browser
 * can tell, with IntersectionObserver v2's `isVisible`: Chromium) uncovered and untouched by
 * opacity, filters or transforms, for ARMING_MS. `reset()` starts the time again: the content
 * script calls for it whenever the frame moved, changed size or stacking, and the prompt when
 * its offer changed. The other half is the content script's answer when a click comes
 * (host.ts): no action runs on this guard alone.
 */
export function createClickGuard(now: () => number, onChange: (armed: boolean) => void) {
  let visible = false;
  let visibleSince: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let reported = false;
  const notify = (armed: boolean) => {
    if (armed !== reported) onChange((reported = armed));
  };

  function update() {
    clearTimeout(timer);
    if (!visible) {
      visibleSince = undefined;
      notify(false);
      return;
    }
    visibleSince ??= now();
    waitUntilArmed();
  }

  // Timers may fire a fraction of a millisecond before `now` says the time is up: check again
  // rather than report "not armed" for good.
  function waitUntilArmed() {
    if (visibleSince === undefined) return;
    if (isArmed()) return notify(true);
    notify(false);
    timer = setTimeout(waitUntilArmed, Math.max(1, Math.ceil(visibleSince + ARMING_MS - now())));
  }

  function isArmed(): boolean {
    return visibleSince !== undefined && now() - visibleSince >= ARMING_MS;
  }

  return {
    /** Feeds one IntersectionObserver entry (or a plain visibility fact where there is no observer). */
    observe(entry: VisibilityEntry) {
      visible = entry.intersectionRatio >= WHOLLY_VISIBLE && entry.isVisible !== false;
      update();
    },
    /** Something the user saw changed: the full delay again. */
    reset() {
      visibleSince = undefined;
      update();
    },
    isArmed,
  };
}

export type ClickGuard = ReturnType<typeof createClickGuard>;
