import { credentialValues } from './key-shape';
import { isKeyField } from './node-scan';
import type { ShadowRootOf } from './shadow-roots';
import { OAUTH_HINT } from './vocabulary';

/** Containers that announce themselves as a pop-up. */
const DIALOG_LIKE = 'dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]';
/** A pop-up is read up to this many nodes: enough for any dialog, bounded for a page that is not one. */
const MAX_POPUP_NODES = 3_000;
const MAX_POPUP_TEXT = 5_000;

/** An element's parent, stepping out of a shadow root to its host. */
export function parentAcrossShadow(node: Node): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/**
 * The pop-up a node is shown in: the nearest dialog-like ancestor (across shadow roots), else the
 * nearest fixed-position one (a modal drawn with plain divs). Null for a value shown in the page.
 */
export function findPopup(node: Node): Element | null {
  let fixed: Element | null = null;
  for (let el = node instanceof Element ? node : parentAcrossShadow(node); el; el = parentAcrossShadow(el)) {
    if (el.matches(DIALOG_LIKE)) return el;
    if (!fixed && el.ownerDocument.defaultView?.getComputedStyle(el).position === 'fixed') fixed = el;
  }
  return fixed;
}

export interface PopupFacts {
  /** Distinct credential-like values shown (ids, secrets, keys), lowercased. */
  values: Set<string>;
  /** Empty read-only fields: values still to come. */
  pending: number;
  /** The pop-up names OAuth or a client secret: the other credential type. */
  oauth: boolean;
}

/**
 * What a pop-up shows, its shadow roots (open or closed) included. `known` values (the name and
 * description the user typed, which may well look like ids) are not counted.
 */
export function describePopup(popup: Element, shadowRootOf: ShadowRootOf, known: ReadonlySet<string> = new Set()): PopupFacts {
  const facts: PopupFacts = { values: new Set(), pending: 0, oauth: false };
  let text = '';
  const stack: Node[] = [popup];
  for (let seen = 0; stack.length > 0 && seen < MAX_POPUP_NODES; seen++) {
    const node = stack.pop()!;
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      for (const value of credentialValues(data)) facts.values.add(value);
      if (text.length < MAX_POPUP_TEXT) text += ` ${data}`;
      continue;
    }
    if (node instanceof Element) {
      if (node.localName === 'script' || node.localName === 'style') continue;
      if (isKeyField(node)) {
        if (node.value) for (const value of credentialValues(node.value)) facts.values.add(value);
        else if (node.readOnly || node.disabled) facts.pending++;
      }
      const label = node.getAttribute('aria-label');
      if (label && text.length < MAX_POPUP_TEXT) text += ` ${label}`;
      const shadowRoot = shadowRootOf(node);
      if (shadowRoot) stack.push(shadowRoot);
    }
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  facts.oauth = OAUTH_HINT.test(text);
  for (const value of known) facts.values.delete(value);
  return facts;
}

/**
 * The box to keep clear of: the pop-up's visible card rather than a backdrop that fills the
 * viewport. The largest ancestor of the key, up to the pop-up, that covers less than most of it.
 */
export function popupCard(node: Node, popup: Element): Element {
  const view = popup.ownerDocument.defaultView;
  const viewport = view ? view.innerWidth * view.innerHeight : Infinity;
  let card: Element = popup;
  for (let el = node instanceof Element ? node : parentAcrossShadow(node); el; el = parentAcrossShadow(el)) {
    const { width, height } = el.getBoundingClientRect();
    if (width * height < viewport * 0.7) card = el;
    if (el === popup) break;
  }
  return card;
}
