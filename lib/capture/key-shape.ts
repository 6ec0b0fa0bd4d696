/**
 * The shapes a SmartRecruiters API key is accepted in. The docs only say "a 32-characters string";
 * keys seen in public code are `DCRA1-` + 32 lowercase hex, older examples are the 32 hex alone,
 * and other prefixes or a case change may appear, so both the prefix and the case are loose:
 * - prefixed: 2–10 letters/digits with at least one letter, a dash, then exactly 32 hex;
 * - plain: exactly 32 hex, not all digits (a 32-digit number is an id, not a random key).
 * A dashed UUID, a 64-character partner key, or a masked value (•, *, …, xxxx) fits neither.
 */
const PREFIXED_KEY = /^(?=[a-z0-9]{0,9}[a-z])[a-z0-9]{2,10}-[0-9a-f]{32}$/i;
const PLAIN_KEY = /^(?![0-9]{32}$)[0-9a-f]{32}$/i;

/** The shortest accepted key, so that shorter texts cost nothing. */
const MIN_KEY_LENGTH = 32;

/**
 * Texts longer than this are paragraphs or lists of ids, where a key-shaped token is far more
 * likely an id than a freshly shown key; a key shown alone or with a short caption stays under it.
 */
const MAX_SHORT_TEXT_LENGTH = 200;
const MAX_SHORT_TEXT_TOKENS = 16;

/** Punctuation that may wrap a key in a caption ("Your key: "…", (…)."). */
const WRAPPING_PUNCTUATION = /^["'`“”‘’([{<]+|["'`“”‘’)\]}>.,;:!?]+$/g;

function isKeyShaped(token: string): boolean {
  return PREFIXED_KEY.test(token) || PLAIN_KEY.test(token);
}

/** A prefixed key; a bare 32-hex value needs the pop-up to vouch for it. */
export const isPrefixedKey = (key: string): boolean => PREFIXED_KEY.test(key);

/** The prefix keys are documented and seen with (`DCRA1-`): strong evidence on its own. */
export const hasDocumentedPrefix = (key: string): boolean => /^dcra\d*-/i.test(key) && PREFIXED_KEY.test(key);

/**
 * Values a credential pop-up may show besides an API key, of any common shape: ids and secrets,
 * hex, base64url or base62, dashed UUIDs (not host names or URLs: no dots or colons). A pop-up
 * that shows two of them (a client id and a client secret) is the OAuth flow, not an API key.
 */
const CREDENTIAL_LIKE = /^(?=[^]*[0-9])(?=[^]*[a-z])[a-z0-9_\-~+/=]{16,200}$/i;

/** The distinct credential-like tokens of a short text, lowercased; none in a paragraph. */
export function credentialValues(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.length < 16 || trimmed.length > MAX_SHORT_TEXT_LENGTH) return [];
  const tokens = trimmed.split(/\s+/).map((t) => t.replace(WRAPPING_PUNCTUATION, ''));
  return [...new Set(tokens.filter((t) => CREDENTIAL_LIKE.test(t)).map((t) => t.toLowerCase()))];
}

/**
 * Returns the API key that `text` shows, or null. The whole trimmed text may be the key; in a
 * short text one whitespace-separated token may be. Two different key-shaped tokens in one text
 * are a list, not a key, so they give null.
 */
export function findApiKey(text: string): string | null {
  if (text.length < MIN_KEY_LENGTH) return null;
  const trimmed = text.trim();
  if (isKeyShaped(trimmed)) return trimmed;
  if (trimmed.length > MAX_SHORT_TEXT_LENGTH) return null;

  const tokens = trimmed.split(/\s+/);
  if (tokens.length > MAX_SHORT_TEXT_TOKENS) return null;
  const keys = new Set(tokens.map((t) => t.replace(WRAPPING_PUNCTUATION, '')).filter(isKeyShaped));
  return keys.size === 1 ? [...keys][0]! : null;
}

/** Two sightings of one key may differ in case only; the hex part is case-insensitive. */
export function keyIdentity(key: string): string {
  return key.toLowerCase();
}
