// @ts-check
/**
 * An init script (context.addInitScript) that timestamps milestones inside the extension's own
 * pages from their first line on, so no Playwright round trip sits inside a measurement. It must
 * be self-contained: Playwright sends its source text. Marks are kept in `globalThis.__benchMarks`.
 *
 * - prompt.html (framed into the portal): `firstFrame`, its first animation frame (a frame
 *   prepared with display:none runs none), and `shown[name]`, the first animation frame in which the name
 *   field shows `name` (each offer is named after its credential). Absolute:
 *   performance.timeOrigin + performance.now(), to compare with the portal page's clock.
 * - popup.html?benchExpect=N: `listReady` when the list shows N items, or some items and the
 *   count line says N (a windowed list; N = 0: the empty-list line), `interactive` once the next
 *   frame has run and a task posted after it runs (the main thread is free to take a click);
 *   `complete` when, besides, the list no longer says it is loading the rest (aria-busy: the
 *   popup draws its first screen before the whole vault has come). Relative to the page's
 *   navigation start.
 * - _locales/en/messages.json (the trivial extension page used as a baseline): `listReady` at
 *   DOMContentLoaded, then `interactive` the same way.
 */
export function installBenchMarks() {
  if (location.protocol !== 'chrome-extension:') return;
  /** @type {Record<string, any>} */
  const marks = {};
  Object.defineProperty(globalThis, '__benchMarks', { value: marks });
  const now = () => performance.now();
  const absolute = () => performance.timeOrigin + performance.now();
  /** A frame, then a posted task: the earliest moment a click on what was rendered is handled. */
  const afterNextFrame = (/** @type {() => void} */ then) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = then;
      channel.port2.postMessage(null);
    });

  if (location.pathname === '/prompt.html') {
    // Whatever the prompt's design (a frame per offer, one loaded ahead and hidden, one reused),
    // it shows an offer by its name in the name field: note the first animation frame that
    // renders each name. A display:none frame runs no animation frames; one hidden otherwise may,
    // so the bench also takes the moment the page displays the frame (key-to-prompt.mjs).
    /** @type {Record<string, number>} */
    const shown = {};
    marks.shown = /** @type {any} */ (shown);
    const tick = () => {
      marks.firstFrame ??= absolute();
      const field = /** @type {HTMLInputElement | null} */ (document.getElementById('prompt-name'));
      if (field?.value && !(field.value in shown)) shown[field.value] = absolute();
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  } else if (location.pathname === '/popup.html') {
    const expected = Number(new URLSearchParams(location.search).get('benchExpect') ?? NaN);
    const observer = new MutationObserver(() => {
      const items = document.querySelectorAll('ul.list > li').length;
      const empty = document.querySelector('.toolbar ~ p.muted');
      // A list that renders only its first items (windowing) counts once the count line says N.
      const counted = new RegExp(`(^|\\D)${expected}(\\D|$)`).test(document.querySelector('.count')?.textContent ?? '');
      const ready = expected === 0 ? items === 0 && !!empty : items === expected || (items > 0 && counted);
      if (!ready) return;
      if (marks.listReady === undefined) {
        marks.listReady = now();
        afterNextFrame(() => (marks.interactive = now()));
      }
      if (document.querySelector('ul.list[aria-busy="true"]')) return;
      marks.complete = now();
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
  } else if (location.pathname.endsWith('.json')) {
    document.addEventListener('DOMContentLoaded', () => {
      marks.listReady = now();
      afterNextFrame(() => (marks.interactive = now()));
    });
  }
}
