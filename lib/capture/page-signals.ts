import { accessibleName, normalizeCaption } from './captions';
import { CREDENTIAL_CAPTIONS, TITLE_HINT, UNTRANSLATED_HINT } from './vocabulary';

/**
 * Path words of the Apps & Integrations / credentials area. Guides give
 * `/settings/administration/app-management/custom-applications`; the others allow for a rename.
 */
const PATH_HINT = /app-management|apps-and-integrations|credential/i;

/**
 * Where captions are looked for. Each selector is read for at most MAX_PER_SELECTOR elements so a
 * huge page costs no more than a small one; the text of the page itself is never scanned. Other
 * nav links are left out: the settings menu links to Apps & Integrations from every settings page.
 */
const CAPTION_SELECTORS = [
  'h1, h2, h3, [role="heading"]',
  '[role="tab"]',
  'button, [role="button"]',
  'a[aria-current]:not([aria-current="false"])',
];
const MAX_PER_SELECTOR = 200;
/** "API" or "OAuth" inside a longer caption counts only in a short one (a tab, a heading). */
const MAX_HINT_CAPTION_LENGTH = 40;

/** Whether a URL path looks like the credentials area. A hint only: the portal may move it. */
export function pathHintsCredentials(pathname: string): boolean {
  return PATH_HINT.test(pathname);
}

/** Whether one caption belongs to the credentials area, in a known language or (`hints`) by its untranslated words. */
export function isCredentialCaption(caption: string, hints = true): boolean {
  if (CREDENTIAL_CAPTIONS.some((re) => re.test(caption))) return true;
  return hints && caption.length <= MAX_HINT_CAPTION_LENGTH && UNTRANSLATED_HINT.test(caption);
}

/** "API" or "OAuth" names an area in a heading or a tab; on a button it may be anything ("API docs"). */
const HINT_SELECTORS = new Set(['h1, h2, h3, [role="heading"]', '[role="tab"]']);

function hasCredentialCaption(doc: Document): boolean {
  for (const selector of CAPTION_SELECTORS) {
    const elements = doc.querySelectorAll(selector);
    const count = Math.min(elements.length, MAX_PER_SELECTOR);
    const hints = HINT_SELECTORS.has(selector);
    for (let i = 0; i < count; i++) if (isCredentialCaption(accessibleName(elements[i]!), hints)) return true;
  }
  return false;
}

/**
 * Whether the page is (probably) the Apps & Integrations / credentials area: its URL path, its
 * title, or a heading, tab, button or current nav link caption says so. Any one signal is enough,
 * because each may change on its own. It only decides how much a bare 32-hex value is trusted:
 * the detector also works where no signal here speaks (an unknown language on an opaque path).
 */
export function isCredentialsContext(doc: Document): boolean {
  const path = doc.defaultView?.location.pathname ?? '';
  return pathHintsCredentials(path) || TITLE_HINT.test(normalizeCaption(doc.title)) || hasCredentialCaption(doc);
}
