import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import {
  CAPTIONS,
  CREDENTIALS_PATH,
  type Captions,
  type CredentialType,
  EMBEDDED_FRAME,
  type Generated,
  type HookWindow,
  type Lang,
  PORTAL,
  PROMPT_TITLE,
  type PortalOptions,
  captionsFor,
  portalQuery,
  sessionOf as sessionOfUrl,
} from '../support/portal-session';

/**
 * The Firefox tests' counterpart of tests/e2e/popup-driver.ts and portal-driver.ts, in puppeteer
 * (Playwright cannot drive Firefox ESR here). Elements are found by role and accessible name,
 * as a user of assistive technology finds them; names must not contain double quotes.
 */

export { CAPTIONS, CREDENTIALS_PATH, EMBEDDED_FRAME, PORTAL, PROMPT_TITLE, captionsFor };
export type { Captions, CredentialType, Generated, Lang };

type Scope = Page | Frame;


/** A puppeteer ARIA selector, e.g. byRole('button', 'Save'); chain them with a space. */
export const byRole = (role: string, name: string): string => `::-p-aria([name="${name}"][role="${role}"])`;

/** A connection in the popup's list, by its name. */
export const connectionItem = (name: string): string =>
  `${byRole('list', 'Connections')} ${byRole('listitem', name)}`;

/** Opens a row's details (URL, note, key, last result, Copy, Edit, Delete) as a user does: a click on its name. */
export async function expandItem(page: Page, name: string): Promise<ElementHandle> {
  const toggle = await page.waitForSelector(`${connectionItem(name)} ${byRole('button', name)}`, { visible: true, timeout: 15_000 });
  if (!toggle) throw new Error(`No connection named ${name}`);
  if ((await toggle.evaluate((el) => el.getAttribute('aria-expanded'))) !== 'true') await toggle.click();
  const details = await page.waitForSelector(`${connectionItem(name)} .row-details`, { visible: true, timeout: 15_000 });
  if (!details) throw new Error(`No details for ${name}`);
  return (await details.evaluateHandle((el) => el.closest('li')!)) as ElementHandle;
}

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

/**
 * Clicks "Test connection" in one row and, once its status shows the verdict, returns the text of
 * the whole result (the row's status and the details' facts: status, latency, company, endpoint).
 */
export async function testItem(page: Page, name: string, timeout = 15_000): Promise<string> {
  await expandItem(page, name);
  await page.locator(`${connectionItem(name)} ${byRole('button', 'Test connection')}`).click();
  const status = await page.waitForSelector(`${connectionItem(name)} [role="status"] .result`, { visible: true, timeout });
  const details = await page.waitForSelector(`${connectionItem(name)} .row-details .result`, { visible: true, timeout });
  const text = (el: Element) => el.textContent ?? '';
  return `${(await status?.evaluate(text)) ?? ''}\n${(await details?.evaluate(text)) ?? ''}`;
}

/** Session switches of the portal replica (tests/support/portal-session.ts), its variant included. */
export interface PortalSession extends PortalOptions {
  /** Pop-up shape, e.g. 'native-dialog', 'iframe'; default 'dialog-input'. */
  variant?: string;
}

/** The session's switches, from the page's URL. */
const sessionOf = (page: Page) => sessionOfUrl(page.url());


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
  const { variant = 'dialog-input', ...options } = session;
  const captions = captionsFor(options.lang);
  await page.goto(`${PORTAL}/${portalQuery(variant, options)}`);
  await page.locator(byRole('link', captions.settingsAdmin)).click();
  await page.locator(byRole('link', captions.appsIntegrations)).click();
  await (await credentialsScope(page, variant)).locator(byRole('tab', captions.tabCredentials)).click();
}

/** How many credentials the replica has made in this page so far (its test hook). */
export const generatedCount = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as HookWindow).__replica?.generated.length ?? 0);

/**
 * On the credentials tab, as a user: NEW CREDENTIAL > API key (or OAuth client ID) > Next > name
 * (and description) typed in, stopping short of Generate. Returns where the form is (the page or
 * the iframe variant's frame).
 */
export async function fillCredentialForm(
  page: Page,
  name: string,
  options: { lang?: string; type?: CredentialType; description?: string } = {},
): Promise<Scope> {
  const session = sessionOf(page);
  const captions = captionsFor(options.lang ?? session.lang);
  const scope = await credentialsScope(page, session.variant);
  await scope.locator(byRole('button', captions.newCredential)).click();
  await scope.locator(byRole('radio', options.type === 'oauth' ? captions.oauthClientId : captions.apiKey)).click();
  await scope.locator(byRole('button', captions.next)).click();
  await scope.locator(byRole('textbox', captions.credentialsName)).fill(name);
  if (options.description) await scope.locator(byRole('textbox', captions.description)).fill(options.description);
  return scope;
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
  const captions = captionsFor(options.lang ?? sessionOf(page).lang);
  const scope = await fillCredentialForm(page, name, options);
  const before = await generatedCount(page);
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
 * The prompt's frame (or, by its title, another framed page: the fill picker), once its dialog
 * accepts clicks (it ignores them for its first 500 ms on screen). Reached through the iframe's title, as assistive technology does.
 *
 * The frame is looked into only once it is shown: the content script loads it, hidden, when
 * Generate is clicked, and a key may come seconds later. Firefox's WebDriver BiDi does not report
 * extension pages (bug 1755014), so a puppeteer query run in the frame before its extension page
 * has loaded stays bound to the blank document it replaced and fails with "Target closed". And
 * when the page takes the frame out (a native dialog re-rendering its content), the content
 * script puts the same element back, with a new document in it: then this looks again.
 */
export async function waitForPrompt(page: Page, timeout = 15_000, title = PROMPT_TITLE): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const iframe = await page
      .waitForSelector(`iframe[title="${title}"]`, { visible: true, timeout: Math.max(0, deadline - Date.now()) })
      .catch((error: unknown) => {
        throw new Error(`No ${title} frame was shown within ${timeout} ms`, { cause: error });
      });
    if (!iframe) throw new Error('No save prompt');
    try {
      // Null while the element is between two documents; the same element is put back.
      const frame = (await iframe.contentFrame()) as Frame | null;
      if (!frame) throw new Error('The prompt iframe has no frame');
      await frame.waitForSelector(byRole('dialog', title), { timeout: Math.max(0, deadline - Date.now()) });
      await frame.waitForSelector('body[data-armed="true"]', { timeout: Math.max(0, deadline - Date.now()) });
      return frame;
    } catch (error) {
      // The frame's document went (re-framed) while we looked; or the time is up.
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The prompt as the user meets it: at points on the screen, with real (trusted) input.

/** The prompt's <iframe> in the portal's top document. */
export const PROMPT_FRAME = `iframe[title="${PROMPT_TITLE}"]`;

export interface Point {
  x: number;
  y: number;
}

/** A box in the top document's viewport (CSS pixels), as getBoundingClientRect gives it. */
export interface Box extends Point {
  width: number;
  height: number;
}

export const centreOf = (box: Box): Point => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

/** The box of an element of the top document, in its viewport. */
export async function boxInPage(page: Page, selector: string): Promise<Box> {
  const element = await page.waitForSelector(selector, { timeout: 15_000 });
  const box = await element?.evaluate((el) => {
    const { x, y, width, height } = el.getBoundingClientRect();
    return { x, y, width, height };
  });
  if (!box) throw new Error(`${selector} is not in the page`);
  return box;
}

/** The box of the prompt's frame in the portal's viewport. */
export const promptBox = (page: Page): Promise<Box> => boxInPage(page, PROMPT_FRAME);

/**
 * Where a control of a framed page (the prompt, or a copy of it) is on the portal's screen: its
 * box inside its frame, shifted by the frame's box in the top document. Measured by hand rather
 * than with puppeteer's boundingBox(), so that it says exactly where a user would see it.
 */
export async function boxInFrame(page: Page, frame: Frame, selector: string, iframe = PROMPT_FRAME): Promise<Box> {
  const outer = await boxInPage(page, iframe);
  const element = await frame.waitForSelector(selector, { visible: true, timeout: 15_000 });
  const inner = await element?.evaluate((el) => {
    const { x, y, width, height } = el.getBoundingClientRect();
    return { x, y, width, height };
  });
  if (!inner) throw new Error(`${selector} is not in the frame`);
  return { x: outer.x + inner.x, y: outer.y + inner.y, width: inner.width, height: inner.height };
}

/** A real user's click: a trusted press and release at a point of the screen, whatever the page put there. */
export const userClick = (page: Page, at: Point): Promise<void> => page.mouse.click(at.x, at.y);

/**
 * The prompt's status lines once one of them says something (a refusal can take up to a second:
 * the prompt asks the content script first), joined with " | "; '' if none does in `timeout`.
 */
export async function promptSays(frame: Frame, timeout = 5_000): Promise<string> {
  const texts = () =>
    frame.$$eval('[role="status"]', (lines) => lines.map((line) => line.textContent?.trim() ?? '').filter(Boolean));
  await frame
    .waitForFunction(() => [...document.querySelectorAll('[role="status"]')].some((line) => line.textContent?.trim()), {
      timeout,
      polling: 50,
    })
    .catch(() => undefined);
  return (await texts()).join(' | ');
}

/** Whether the frame's body says it is armed (both halves of the click guard agree). */
export const isArmed = (frame: Frame): Promise<boolean> =>
  frame.evaluate(() => document.body.dataset.armed === 'true');

// ---------------------------------------------------------------------------------------------
// The vault and the background, as the add-on's own pages see them.

/** What the popup shows of the vault: the names listed, and one connection's key revealed. */
export interface VaultView {
  names: string[];
  key: string;
}

/**
 * In the popup page: the connections' names (sorted) and the key of `reveal`, shown in clear by
 * its "Reveal API key" button as a user would.
 */
export async function readVault(popup: Page, reveal: string): Promise<VaultView> {
  const item = await expandItem(popup, reveal);
  // The list's items, each named (aria-label) after its connection.
  const names = await item.evaluate((li) => [...(li.parentElement?.children ?? [])].map((el) => el.getAttribute('aria-label') ?? ''));
  await popup.locator(`${connectionItem(reveal)} ${byRole('button', 'Reveal API key')}`).click();
  const key = await popup.waitForFunction(
    (li: Element) => {
      const text = li.querySelector('code')?.textContent ?? '';
      return text && !text.includes('•') ? text : null;
    },
    { polling: 50, timeout: 5_000 },
    item,
  );
  return { names: names.sort(), key: String(await key.jsonValue()) };
}

/** The slice of the WebExtension API the helpers below call inside an extension page. */
type ExtensionApi = {
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
  windows: {
    getAll(): Promise<Array<{ id?: number; type?: string }>>;
    remove(id: number): Promise<void>;
  };
};

/** The offers waiting in the background's session storage (never written to disk), by id: their names. */
export async function pendingOfferNames(extensionPage: Page): Promise<Record<string, string>> {
  return extensionPage.evaluate(async () => {
    const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
    const offers = ((await api.storage.session.get('pendingOffers')).pendingOffers ?? {}) as Record<string, { name: string }>;
    return Object.fromEntries(Object.entries(offers).map(([id, offer]) => [id, offer.name]));
  });
}

/**
 * The ids of the browser's popup-type windows: the add-on opens its review window (where a key
 * replacement is confirmed) as one. Firefox's WebDriver BiDi does not report extension pages, so
 * an extension page asks the browser instead.
 */
export async function popupWindows(extensionPage: Page): Promise<number[]> {
  return extensionPage.evaluate(async () => {
    const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
    return (await api.windows.getAll()).filter((w) => w.type === 'popup').map((w) => w.id ?? -1);
  });
}

/** Closes these windows, from an extension page. */
export async function closeWindows(extensionPage: Page, ids: number[]): Promise<void> {
  await extensionPage.evaluate(async (ids) => {
    const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
    for (const id of ids) await api.windows.remove(id).catch(() => undefined);
  }, ids);
}

/** Prompts on screen in the top document; a frame loaded ahead of a key and still hidden is not one. */
export const shownPrompts = (page: Page): Promise<number> =>
  page.$$eval(PROMPT_FRAME, (frames) =>
    frames.filter((frame) => frame.checkVisibility({ visibilityProperty: true }) && frame.getBoundingClientRect().width > 0).length,
  );
