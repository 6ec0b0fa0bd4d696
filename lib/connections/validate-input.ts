import { cleanName } from './names';
import { KEY_MAX, KEY_MIN, NAME_MAX, NOTE_MAX } from './limits';
import type { Purpose } from './schema';

export type InputField = 'name' | 'url' | 'key' | 'note';

/** Why a field was refused; the UI turns each code into a sentence. */
export type InputErrorCode =
  | 'name-empty'
  | 'name-too-long'
  | 'name-taken'
  | 'url-invalid'
  | 'url-not-https'
  | 'url-credentials'
  | 'url-query'
  | 'url-fragment'
  | 'key-empty'
  | 'key-whitespace'
  | 'key-length'
  | 'key-characters'
  | 'note-too-long';

export type FieldErrors = Partial<Record<InputField, InputErrorCode>>;

export interface ConnectionInput {
  name: string;
  url: string;
  key: string;
  note?: string;
  /** What the key is for (a preset's areas); not a text field, so validateInput leaves it alone. */
  purpose?: Purpose;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

type Normalized = { ok: true; value: string } | { ok: false; code: InputErrorCode };
const accept = (value: string): Normalized => ({ ok: true, value });
const refuse = (code: InputErrorCode): Normalized => ({ ok: false, code });

export function normalizeName(raw: string): Normalized {
  const name = cleanName(raw);
  if (!name) return refuse('name-empty');
  if (name.length > NAME_MAX) return refuse('name-too-long');
  return accept(name);
}

/** Accepts an https origin plus optional path; stores it without a trailing slash. */
export function normalizeUrl(raw: string): Normalized {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('url-invalid');
  }
  if (url.protocol !== 'https:') return refuse('url-not-https');
  if (url.username || url.password) return refuse('url-credentials');
  // `new URL` drops a lone "?" or "#", so look at the text as typed as well.
  if (url.search || text.includes('?')) return refuse('url-query');
  if (url.hash || text.includes('#')) return refuse('url-fragment');
  return accept((url.origin + url.pathname).replace(/\/+$/, ''));
}

export function normalizeKey(raw: string): Normalized {
  const key = raw.trim();
  if (!key) return refuse('key-empty');
  if (/\s/.test(key)) return refuse('key-whitespace');
  if (key.length < KEY_MIN || key.length > KEY_MAX) return refuse('key-length');
  // Keys travel in an HTTP header: printable ASCII only.
  if (!/^[\x21-\x7e]+$/.test(key)) return refuse('key-characters');
  return accept(key);
}

export function normalizeNote(raw: string): Normalized {
  const note = raw.trim();
  return note.length > NOTE_MAX ? refuse('note-too-long') : accept(note);
}

const normalizers: Record<InputField, (raw: string) => Normalized> = {
  name: normalizeName,
  url: normalizeUrl,
  key: normalizeKey,
  note: normalizeNote,
};

/** Normalises the fields present in `input`; fields left out are not checked. */
export function validateInput<T extends Partial<ConnectionInput>>(input: T): Validated<T> {
  const errors: FieldErrors = {};
  const value: Partial<ConnectionInput> = {};
  for (const field of Object.keys(normalizers) as InputField[]) {
    const raw = input[field];
    if (raw === undefined) continue;
    const result = normalizers[field](raw);
    if (result.ok) value[field] = result.value;
    else errors[field] = result.code;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: value as T };
}
