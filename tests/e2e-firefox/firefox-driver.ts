import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { CAPTIONS, type Captions, type Lang } from '../fixtures/portal/js/i18n.js';

/**
 * The Firefox tests' counterpart of tests/e2e/popup-driver.ts and portal-driver.ts, in puppeteer
 * (Playwright cannot drive Firefox ESR here). Elements are found by role and accessible name,
 * as a user of assistive technology finds them; names must not contain double quotes.
 */

export const PORTAL = 'https://www.smartrecruiters.com';
export const CREDENTIALS_PATH = '/settings/administration/app-management/custom-applications';
export const PROMPT_TITLE = 'Save SmartRecruiters API key';

type Scope = Page | Frame;

export { CAPTIONS };
export type { Captions, Lang };

/** A puppeteer ARIA selector, e.g. byRole('button', 'Save'); chain them with a space. */
export const byRole = (role: string, name: string): string => `::-p-aria([name="${name}"][role="${role}"])`;

/** A connection in the popup's list, by its name. */
export const connectionItem = (name: string): string =>
  `${byRole('list', 'Connections')} ${byRole('listitem', name)}`;

/**
 * The control a <label> with this exact text labels. The API key field is a password input,
 * which has no ARIA role to find it by.
 */
async function fieldByLabel(scope: Scope, label: string): Promise<ElementHandle> {
  const handle = await scope.waitForFunction(
    (text) => [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === text)?.control ?? null,
    {},
    label,
  );
  const element = handle.asElement();
  if (!element) throw new Error(`No field labelled ${label}`);
  return element as ElementHandle;
}

export async function addConnection(page: Page, fields: { name: string; key: string }): Promise<void> {
  await page.locator(byRole('button', 'Add connection')).click();
  await page.locator(byRole('textbox', 'Connection name')).fill(fields.name);
  await (await fieldByLabel(page, 'API key')).type(fields.key);
  await page.locator(byRole('button', 'Save')).click();
}

/** Waits for this text to show; names must not contain parentheses. */
export async function waitForText(scope: Scope, text: string, timeout = 15_000): Promise<void> {
  await scope.waitForSelector(`::-p-text(${text})`, { visible: true, timeout });
}

/** The text of an element once it is shown. */
export async function textOf(scope: Scope, selector: string, timeout = 15_000): Promise<string> {
  const element = await scope.waitForSelector(selector, { visible: true, timeout });
  return (await element?.evaluate((el) => el.textContent)) ?? '';
}

/** Clicks "Test connection" on one item and returns the text of its result once it is in. */
export async function testItem(page: Page, name: string, timeout = 15_000): Promise<string> {
  await page.locator(`${connectionItem(name)} ${byRole('button', 'Test connection')}`).click();
  const result = await page.waitForSelector(`${connectionItem(name)} [role="status"] .result`, { visible: true, timeout });
  return (await result?.evaluate((el) => el.closest('[role="status"]')?.textContent)) ?? '';
}

/** Session switches of the portal replica (tests/fixtures/portal/README.md). */
export interface PortalSession {
  /** Pop-up shape, e.g. 'native-dialog', 'iframe'; default 'dialog-input'. */
  variant?: string;
  /** en (default), de, fr or ja. */
  lang?: string;
  /** 'opaque': settings screens at paths that say nothing. */
  paths?: 'opaque';
  /** More query parameters, e.g. 'lateMs=300'. */
  extraQuery?: string;
}

export type CredentialType = 'api-key' | 'oauth';

/** What the replica's test hook (window.__replica.generated) records for each Generate. */
export interface Generated {
  kind: CredentialType;
  key?: string;
  clientId?: string;
  clientSecret?: string;
  at: number;
}

type HookWindow = { __replica?: { generated: Generated[] } };

/** The replica's captions in a language; throws for one it does not have. */
export function captionsFor(lang = 'en'): Captions {
  if (!Object.hasOwn(CAPTIONS, lang)) throw new Error(`The portal replica has no language ${lang}`);
  return CAPTIONS[lang as Lang];
}

/** The session's switches, read back from the page's URL (in-app navigation keeps them). */
function sessionOf(page: Page): { variant: string; lang: string } {
  const params = new URL(page.url()).searchParams;
  return { variant: params.get('variant') ?? 'dialog-input', lang: params.get('lang') ?? 'en' };
}

/** The iframe the `iframe` variant runs the credentials area in. */
export const EMBEDDED_FRAME = 'iframe[src^="/embedded/"]';

/**
 * Where the credentials area runs: the page, or under the iframe variant its iframe's frame. The
 * iframe is scrolled to the top of the window first: puppeteer scrolls a control into view inside
 * its frame but not the page around it, and the form's Generate would stay below an 800×600 window.
 */
export async function credentialsScope(page: Page, variant = sessionOf(page).variant): Promise<Scope> {
  if (variant !== 'iframe') return page;
  const iframe = await page.waitForSelector(EMBEDDED_FRAME, { timeout: 15_000 });
  await iframe?.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const frame = await iframe?.contentFrame();
  if (!frame) throw new Error('The embedded credentials iframe has no frame');
  return frame;
}

/**
 * Opens the portal's home page with these switches and walks Settings / Admin > Apps &
 * Integrations > CREDENTIALS by in-app navigation, by the names of the session's language.
 */
export async function openCredentials(page: Page, session: PortalSession = {}): Promise<void> {
  const { variant = 'dialog-input', lang = 'en', paths, extraQuery } = session;
  const captions = captionsFor(lang);
  const params = new URLSearchParams({ variant, lang });
  if (paths) params.set('paths', paths);
  const extra = extraQuery?.replace(/^[?&]/, '');
  await page.goto(`${PORTAL}/?${params}${extra ? `&${extra}` : ''}`);
  await page.locator(byRole('link', captions.settingsAdmin)).click();
  await page.locator(byRole('link', captions.appsIntegrations)).click();
  await (await credentialsScope(page, variant)).locator(byRole('tab', captions.tabCredentials)).click();
}

/**
 * On the credentials tab: NEW CREDENTIAL > API key (or OAuth client ID) > Next > name (and
 * description) > Generate, in the session's language (from the page's URL unless `options.lang`
 * says) and frame. Returns what the Generate made, from the replica's test hook, as soon as it is
 * made: the pop-up may show it later or where the page cannot see it.
 */
export async function generateCredential(
  page: Page,
  name: string,
  options: { lang?: string; type?: CredentialType; description?: string } = {},
): Promise<Generated> {
  const session = sessionOf(page);
  const captions = captionsFor(options.lang ?? session.lang);
  const scope = await credentialsScope(page, session.variant);
  const before = await page.evaluate(() => (window as unknown as HookWindow).__replica?.generated.length ?? 0);
  await scope.locator(byRole('button', captions.newCredential)).click();
  await scope.locator(byRole('radio', options.type === 'oauth' ? captions.oauthClientId : captions.apiKey)).click();
  await scope.locator(byRole('button', captions.next)).click();
  await scope.locator(byRole('textbox', captions.credentialsName)).fill(name);
  if (options.description) await scope.locator(byRole('textbox', captions.description)).fill(options.description);
  await scope.locator(byRole('button', captions.generate)).click();
  const entry = await page.waitForFunction(
    (count: number) => (window as unknown as HookWindow).__replica?.generated[count],
    { polling: 100, timeout: 15_000 },
    before,
  );
  return (await entry.jsonValue()) as Generated;
}

/**
 * On the credentials tab: NEW CREDENTIAL > API key > Next > name > Generate; returns the key the
 * replica made (or with `type: 'oauth'` the client secret), read from its test hook.
 */
export async function generateKey(
  page: Page,
  name: string,
  options: { lang?: string; type?: CredentialType; description?: string } = {},
): Promise<string> {
  const generated = await generateCredential(page, name, options);
  const value = generated.kind === 'oauth' ? generated.clientSecret : generated.key;
  if (!value) throw new Error(`The replica recorded no ${generated.kind === 'oauth' ? 'client secret' : 'key'}`);
  return value;
}

/**
 * The prompt's frame, once its dialog accepts clicks (it ignores them for its first 500 ms on
 * screen). Reached through the iframe's title, as assistive technology does.
 */
export async function waitForPrompt(page: Page): Promise<Frame> {
  const iframe = await page.waitForSelector(`iframe[title="${PROMPT_TITLE}"]`, { timeout: 15_000 });
  const frame = await iframe?.contentFrame();
  if (!frame) throw new Error('The prompt iframe has no frame');
  await frame.waitForSelector(byRole('dialog', PROMPT_TITLE), { timeout: 15_000 });
  await frame.waitForSelector('body[data-armed="true"]', { timeout: 15_000 });
  return frame;
}
