import { findApiKey } from './key-shape';
import type { ShadowRootOf } from './shadow-roots';

export type KeyField = HTMLInputElement | HTMLTextAreaElement;

/** A key-shaped value and the node that shows it (to find the pop-up it sits in). */
export interface Sighting {
  key: string;
  node: Node;
}

/** What one mutation batch showed. Only nodes the batch added or changed are ever looked at. */
export interface ScanFindings {
  /** Key-shaped values, in document order, repeats included. */
  keys: Sighting[];
  /** Shadow roots met (closed ones too, where the extension may see them); their mutations reach no observer of the document. */
  shadowRoots: ShadowRoot[];
  /** Fields a script may fill later by setting `.value`, which no observer sees. */
  fields: KeyField[];
  /** Custom elements without a shadow root yet: one may be attached after insertion. */
  hosts: Element[];
}

export function emptyFindings(): ScanFindings {
  return { keys: [], shadowRoots: [], fields: [], hosts: [] };
}

/** Never shown as text, and a page's scripts and styles are full of hex. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template']);
/** Elements that show a value verbatim and may split it into several text nodes (highlighting). */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'output']);
/** Input types a key can be shown in: read-only text, or a password field with a "show" toggle. */
const KEY_INPUT_TYPES = new Set(['text', 'search', 'password', '']);

export function isKeyField(el: Element): el is KeyField {
  if (el.localName === 'textarea') return true;
  return el.localName === 'input' && KEY_INPUT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase());
}

function addKey(into: ScanFindings, text: string | null, node: Node): void {
  const key = text ? findApiKey(text) : null;
  if (key) into.keys.push({ key, node });
}

/** Reads fields, verbatim elements and shadow roots of what a page adds or changes. */
export function createNodeScanner(shadowRootOf: ShadowRootOf) {
  function scanElement(el: Element, into: ScanFindings): boolean {
    if (SKIPPED.has(el.localName)) return false;
    if (isKeyField(el)) {
      into.fields.push(el);
      addKey(into, el.value, el);
    } else if (VERBATIM.has(el.localName)) {
      addKey(into, el.textContent, el);
    }
    return true;
  }

  /** Scans an added subtree, the shadow roots within it included. */
  function scanSubtree(start: Node, into: ScanFindings): void {
    const stack: Node[] = [start];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.nodeType === Node.TEXT_NODE) {
        addKey(into, (node as Text).data, node);
        continue;
      }
      if (node.nodeType === Node.ELEMENT_NODE) {
        const el = node as Element;
        if (!scanElement(el, into)) continue;
        const shadowRoot = shadowRootOf(el);
        if (shadowRoot) {
          into.shadowRoots.push(shadowRoot);
          stack.push(shadowRoot);
        } else if (el.localName.includes('-')) {
          into.hosts.push(el);
        }
      } else if (node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) {
        continue;
      }
      // Pushed last-first so that nodes come off the stack in document order.
      for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
    }
  }

  return {
    scanSubtree,
    /** Scans what one mutation record added or changed, and nothing else. */
    scanMutation(record: MutationRecord, into: ScanFindings): void {
      if (record.type === 'childList') {
        for (const node of record.addedNodes) scanSubtree(node, into);
      } else if (record.type === 'characterData') {
        const parent = record.target.parentElement;
        if (parent && VERBATIM.has(parent.localName)) addKey(into, parent.textContent, parent);
        else addKey(into, record.target.textContent, record.target);
      } else if (record.attributeName === 'open' && record.target instanceof Element) {
        // A <dialog> or popover drawn ahead and opened now (showModal()): its content is new to the user.
        scanSubtree(record.target, into);
      } else if (record.target instanceof Element && isKeyField(record.target)) {
        into.fields.push(record.target);
        addKey(into, record.target.value, record.target);
      }
    },
    shadowRootOf,
  };
}

export type NodeScanner = ReturnType<typeof createNodeScanner>;
