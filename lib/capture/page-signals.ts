import { accessibleName, normalizeCaption } from './captions';

/**
 * Path words of the Apps & Integrations / credentials area. Guides give
 * `/settings/administration/app-management/custom-applications`; the others allow for a rename.
 */
const PATH_HINT = /app-management|apps-and-integrations|integrations|credential/i;

/**
 * Whole captions of headings, tabs, buttons and the current nav link that only the credentials
 * area shows. Other nav links are left out: the settings menu links to Apps & Integrations from
 * every settings page.
 */
const CREDENTIAL_CAPTIONS: readonly RegExp[] = [
  /^apps? (&|and) integrations$/,
  /^credentials?( manager)?$/,
  /^(\+ ?)?new credentials?$/,
  /^api keys?$/,
];

/** The page title may carry a suffix ("Apps & Integrations | SmartRecruiters"), so a part counts. */
const TITLE_HINT = /apps? (&|and) integrations|credential/;

/**
 * Where captions are looked for. Each selector is read for at most MAX_PER_SELECTOR elements so a
 * huge page costs no more than a small one; the text of the page itself is never scanned.
 */
const CAPTION_SELECTORS = [
  'h1, h2, h3, [role="heading"]',
  '[role="tab"]',
  'button, [role="button"]',
  'a[aria-current]:not([aria-current="false"])',
];
const MAX_PER_SELECTOR = 200;

/** Whether a URL path looks like the credentials area. A hint only: the portal may move it. */
export function pathHintsCredentials(pathname: string): boolean {
  return PATH_HINT.test(pathname);
}

function hasCredentialCaption(doc: Document): boolean {
  for (const selector of CAPTION_SELECTORS) {
    const elements = doc.querySelectorAll(selector);
    const count = Math.min(elements.length, MAX_PER_SELECTOR);
    for (let i = 0; i < count; i++) {
      const caption = accessibleName(elements[i]!);
      if (CREDENTIAL_CAPTIONS.some((re) => re.test(caption))) return true;
    }
  }
  return false;
}

/**
 * Whether the page is (probably) the Apps & Integrations / credentials area: its URL path, its
 * title, or a heading, tab, button or current nav link caption says so. Any one signal is enough, because
 * each may change on its own; the detector still waits for a Generate click before it reports.
 */
export function isCredentialsContext(doc: Document): boolean {
  const path = doc.defaultView?.location.pathname ?? '';
  return (
    pathHintsCredentials(path) || TITLE_HINT.test(normalizeCaption(doc.title)) || hasCredentialCaption(doc)
  );
}
