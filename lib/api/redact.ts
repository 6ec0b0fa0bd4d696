/** A run of this many characters of the key in a text means the text holds (part of) the key. */
export const KEY_FRAGMENT = 8;

const MASK = '•••';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * What a server sends back can echo the key: whole, with its case changed, or in part. The whole
 * key is masked regardless of case; then a text that still holds 8 or more consecutive characters
 * of it (any case) is dropped altogether. Done on the whole text, before any truncation, so a cut
 * cannot hide an echo from the check.
 */
export function redact(text: string | undefined, key: string): string | undefined {
  if (text === undefined || !key) return text;
  const masked = text.replace(new RegExp(escapeRegExp(key), 'gi'), MASK);
  if (key.length < KEY_FRAGMENT) return masked;
  const lowerKey = key.toLowerCase();
  const fragments = new Set<string>();
  for (let i = 0; i + KEY_FRAGMENT <= lowerKey.length; i++) fragments.add(lowerKey.slice(i, i + KEY_FRAGMENT));
  const lower = masked.toLowerCase();
  for (let i = 0; i + KEY_FRAGMENT <= lower.length; i++) {
    if (fragments.has(lower.slice(i, i + KEY_FRAGMENT))) return undefined;
  }
  return masked;
}

/** Cuts a text to `max` characters, marking the cut. */
export function clampText(text: string | undefined, max: number): string | undefined {
  if (text === undefined) return undefined;
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (!flat) return undefined;
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
