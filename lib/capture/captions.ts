/** Lowercase, single-spaced text, so captions compare the same whatever their markup or case. */
export function normalizeCaption(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A control with more text than this is a container, not a button or tab worth naming. */
const MAX_CAPTION_LENGTH = 80;

/** The text of the elements an element's aria-labelledby points at, in its own tree. */
export function labelledByText(el: Element): string {
  const root = el.getRootNode() as Partial<Document>;
  const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => root.getElementById?.(id)?.textContent ?? '').join(' ');
}

/**
 * The name a screen reader would announce for a control, approximated cheaply: aria-label,
 * aria-labelledby, an input's value, then its text. Empty when the text is too long to be a caption.
 */
export function accessibleName(el: Element): string {
  const label = el.getAttribute('aria-label') || labelledByText(el);
  if (label.trim()) return normalizeCaption(label);
  if (el.localName === 'input') return normalizeCaption((el as HTMLInputElement).value);
  const text = el.textContent ?? '';
  return text.length > MAX_CAPTION_LENGTH ? '' : normalizeCaption(text);
}
