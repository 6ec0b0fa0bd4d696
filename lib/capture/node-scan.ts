import { findApiKey } from './key-shape';

export type KeyField = HTMLInputElement | HTMLTextAreaElement;

/** What one mutation batch showed. Only nodes the batch added or changed are ever looked at. */
export interface ScanFindings {
  /** Key-shaped values, in document order, repeats included. */
  keys: string[];
  /** Open shadow roots met; their own mutations reach no observer of the document. */
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

function addKey(into: ScanFindings, text: string | null): void {
  const key = text ? findApiKey(text) : null;
  if (key) into.keys.push(key);
}

function scanElement(el: Element, into: ScanFindings): boolean {
  if (SKIPPED.has(el.localName)) return false;
  if (isKeyField(el)) {
    into.fields.push(el);
    addKey(into, el.value);
  } else if (VERBATIM.has(el.localName)) {
    addKey(into, el.textContent);
  }
  return true;
}

/** Scans an added subtree, open shadow roots within it included. */
function scanSubtree(start: Node, into: ScanFindings): void {
  const stack: Node[] = [start];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === Node.TEXT_NODE) {
      addKey(into, (node as Text).data);
      continue;
    }
    if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      if (!scanElement(el, into)) continue;
      if (el.shadowRoot) {
        into.shadowRoots.push(el.shadowRoot);
        stack.push(el.shadowRoot);
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

/** Scans what one mutation record added or changed, and nothing else. */
export function scanMutation(record: MutationRecord, into: ScanFindings): void {
  if (record.type === 'childList') {
    for (const node of record.addedNodes) scanSubtree(node, into);
  } else if (record.type === 'characterData') {
    const parent = record.target.parentElement;
    if (parent && VERBATIM.has(parent.localName)) addKey(into, parent.textContent);
    else addKey(into, record.target.textContent);
  } else if (record.target instanceof Element && isKeyField(record.target)) {
    into.fields.push(record.target);
    addKey(into, record.target.value);
  }
}

/** Scans a whole shadow root, met after it was attached to an element already scanned. */
export function scanShadowRoot(root: ShadowRoot, into: ScanFindings): void {
  scanSubtree(root, into);
}
