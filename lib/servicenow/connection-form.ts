import type { ShadowRootOf } from '../capture/shadow-roots';
import { type FormField, fieldOfLabel } from './vocabulary';

export type FormControl = HTMLInputElement | HTMLTextAreaElement;
export type ConnectionForm = Record<FormField, FormControl>;

/** Past this many elements a document is not scanned further (a page cannot make us spin). */
const MAX_ELEMENTS = 20_000;

function isControl(el: Element): el is FormControl {
  if (el.localName === 'textarea') return true;
  if (el.localName !== 'input') return false;
  const type = (el as HTMLInputElement).type;
  return type === 'text' || type === 'password' || type === 'url' || type === '';
}

/** The text of the elements aria-labelledby names, in the control's own tree. */
function labelledBy(el: Element): string {
  const root = el.getRootNode() as Partial<Document>;
  const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => root.getElementById?.(id)?.textContent ?? '').join(' ');
}

/**
 * What a control is labelled, as a user reads it: its <label>s, aria-label / aria-labelledby,
 * and (for a web component that draws its input in a shadow root) the label its host is given.
 * Never its class names or ids: those change from release to release.
 */
export function labelsOf(control: FormControl): string[] {
  const texts = [...(control.labels ?? [])].map((label) => label.textContent ?? '');
  texts.push(control.getAttribute('aria-label') ?? '', labelledBy(control));
  const root = control.getRootNode();
  if (root instanceof ShadowRoot) texts.push(root.host.getAttribute('label') ?? '', root.host.getAttribute('aria-label') ?? '');
  return texts.filter((text) => text.trim() !== '');
}

/** Every text control of a document, through its shadow roots. */
function* controlsIn(root: Document | ShadowRoot, shadowRootOf: ShadowRootOf, budget: { left: number }): Generator<FormControl> {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node && budget.left-- > 0; node = walker.nextNode()) {
    const el = node as Element;
    if (isControl(el)) yield el;
    const shadow = shadowRootOf(el);
    if (shadow) yield* controlsIn(shadow, shadowRootOf, budget);
  }
}

/**
 * The spoke's Create Connection form in this document, recognised by its labelled fields
 * (Connection Name, Connection URL, API Key), or undefined. Works whether the fields are plain
 * inputs (the classic UI) or drawn inside web components' shadow roots (Next Experience).
 */
export function findConnectionForm(doc: Document, shadowRootOf: ShadowRootOf): ConnectionForm | undefined {
  const found: Partial<ConnectionForm> = {};
  for (const control of controlsIn(doc, shadowRootOf, { left: MAX_ELEMENTS })) {
    if (control.disabled || control.readOnly) continue;
    for (const text of labelsOf(control)) {
      const field = fieldOfLabel(text);
      if (field && !found[field]) found[field] = control;
    }
  }
  const { connectionName, connectionUrl, apiKey } = found;
  if (!connectionName || !connectionUrl || !apiKey) return undefined;
  // Three different fields; the key never goes into a field that also answers to another name.
  if (new Set([connectionName, connectionUrl, apiKey]).size !== 3) return undefined;
  return { connectionName, connectionUrl, apiKey };
}

/** Sets a control's value the way typing does, so the page's framework notices: input, then change. */
export function typeInto(control: FormControl, value: string): void {
  const proto = control.localName === 'textarea' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  // The prototype's setter, not the element's own property: frameworks that wrap `value` on the
  // element then see a real change.
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(control, value);
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** What a fill writes: the URL and key always, the name only into an empty field. */
export function fillConnectionForm(form: ConnectionForm, values: { name: string; url: string; key: string }): void {
  if (form.connectionName.value.trim() === '') typeInto(form.connectionName, values.name);
  typeInto(form.connectionUrl, values.url);
  typeInto(form.apiKey, values.key);
}
