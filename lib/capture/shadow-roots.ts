/** Finds an element's shadow root, open or (where the browser lets an extension see it) closed. */
export type ShadowRootOf = (el: Element) => ShadowRoot | null;

/** What a page can see: open roots only. The unit tests' default. */
export const openShadowRootOf: ShadowRootOf = (el) => el.shadowRoot;

type ChromeDom = { openOrClosedShadowRoot?(el: Element): ShadowRoot | null };
/** In Firefox content scripts, `openOrClosedShadowRoot` is a property (MDN once gave it as a method: take either). */
type FirefoxElement = Element & { openOrClosedShadowRoot?: ShadowRoot | null | (() => ShadowRoot | null) };

/**
 * What a content script can see: closed roots too, through `chrome.dom.openOrClosedShadowRoot()`
 * in Chromium and `element.openOrClosedShadowRoot` in Firefox. Pages cannot reach either.
 */
export function extensionShadowRootOf(): ShadowRootOf {
  const dom = (globalThis as { chrome?: { dom?: ChromeDom } }).chrome?.dom;
  const open = dom?.openOrClosedShadowRoot?.bind(dom);
  return (el) => {
    try {
      if (open) return open(el) ?? el.shadowRoot;
      const found = (el as FirefoxElement).openOrClosedShadowRoot;
      return (typeof found === 'function' ? found.call(el) : found) ?? el.shadowRoot;
    } catch {
      return el.shadowRoot;
    }
  };
}
