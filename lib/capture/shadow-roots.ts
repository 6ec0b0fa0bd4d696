/** Finds an element's shadow root, open or (where the browser lets an extension see it) closed. */
export type ShadowRootOf = (el: Element) => ShadowRoot | null;

/** What a page can see: open roots only. The unit tests' default. */
export const openShadowRootOf: ShadowRootOf = (el) => el.shadowRoot;

type ChromeDom = { openOrClosedShadowRoot?(el: Element): ShadowRoot | null };
type FirefoxElement = Element & { openOrClosedShadowRoot?(): ShadowRoot | null };

/**
 * What a content script can see: closed roots too, through `chrome.dom.openOrClosedShadowRoot()`
 * in Chromium and `element.openOrClosedShadowRoot()` in Firefox. Pages cannot reach either.
 */
export function extensionShadowRootOf(): ShadowRootOf {
  const dom = (globalThis as { chrome?: { dom?: ChromeDom } }).chrome?.dom;
  const open = dom?.openOrClosedShadowRoot?.bind(dom);
  return (el) => {
    try {
      return (open ? open(el) : (el as FirefoxElement).openOrClosedShadowRoot?.()) ?? el.shadowRoot;
    } catch {
      return el.shadowRoot;
    }
  };
}
