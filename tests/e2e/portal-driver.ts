import type { FrameLocator, Locator, Page } from 'playwright-core';
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
import { visible } from './popup-driver';

export { CAPTIONS, CREDENTIALS_PATH, EMBEDDED_FRAME, PORTAL, PROMPT_TITLE, captionsFor, portalQuery };
export type { Captions, CredentialType, Generated, Lang, PortalOptions };

/** The session's switches, from the page's URL. */
const sessionOf = (page: Page) => sessionOfUrl(page.url());

/** Where the credentials area (tabs, NEW CREDENTIAL, the dialogs, the pop-up) runs: the page, or its iframe. */
export function credentialsScope(page: Page, variant = sessionOf(page).variant): Page | FrameLocator {
  return variant === 'iframe' ? page.frameLocator(EMBEDDED_FRAME) : page;
}

/**
 * Opens the portal's home page and walks Settings / Admin > Apps & Integrations > CREDENTIALS by
 * in-app navigation, finding each control by its name in the session's language.
 */
export async function openCredentialsByNavigation(page: Page, variant = 'dialog-input', options: PortalOptions = {}): Promise<void> {
  const captions = captionsFor(options.lang);
  await page.goto(`${PORTAL}/${portalQuery(variant, options)}`);
  await page.getByRole('link', { name: captions.settingsAdmin, exact: true }).click();
  await page.getByRole('link', { name: captions.appsIntegrations, exact: true }).click();
  await credentialsScope(page, variant).getByRole('tab', { name: captions.tabCredentials, exact: true }).click();
}

/** Everything the hook has recorded so far in this page (the iframe's entries included). */
export async function generatedSoFar(page: Page): Promise<Generated[]> {
  return page.evaluate(() => (window as unknown as HookWindow).__replica?.generated ?? []);
}

/**
 * On the credentials tab: NEW CREDENTIAL > type > Next > name, description > Generate, in the
 * session's language (from the page's URL unless `options.lang` says) and in the frame the
 * variant runs it in. Returns what the Generate made, from the replica's test hook, as soon as
 * it is made: the pop-up may show it later (slow, late) or where the page cannot see it.
 */
export async function generateCredential(
  page: Page,
  name: string,
  description = '',
  options: { lang?: string; type?: CredentialType } = {},
): Promise<Generated> {
  const session = sessionOf(page);
  const captions = captionsFor(options.lang ?? session.lang);
  const scope = credentialsScope(page, session.variant);
  const before = (await generatedSoFar(page)).length;
  await scope.getByRole('button', { name: captions.newCredential, exact: true }).click();
  await scope.getByRole('radio', { name: options.type === 'oauth' ? captions.oauthClientId : captions.apiKey, exact: true }).check();
  await scope.getByRole('button', { name: captions.next, exact: true }).click();
  await scope.getByLabel(captions.credentialsName, { exact: true }).fill(name);
  await scope.getByLabel(captions.description, { exact: true }).fill(description);
  // exact: the users page also has "Generate report".
  await scope.getByRole('button', { name: captions.generate, exact: true }).click();
  const entry = await page.waitForFunction(
    (count) => (window as unknown as HookWindow).__replica?.generated[count],
    before,
    { polling: 50, timeout: 15_000 },
  );
  return (await entry.jsonValue()) as Generated;
}

/**
 * Runs NEW CREDENTIAL > API key (or OAuth client ID) > Next > name, description > Generate;
 * returns the key, or for OAuth the client secret.
 */
export async function generateKey(
  page: Page,
  name: string,
  description = '',
  options: { lang?: string; type?: CredentialType } = {},
): Promise<string> {
  const generated = await generateCredential(page, name, description, options);
  const value = generated.kind === 'oauth' ? generated.clientSecret : generated.key;
  if (!value) throw new Error(`The replica recorded no ${generated.kind === 'oauth' ? 'client secret' : 'key'}`);
  return value;
}

/** The prompt: an extension page in an iframe, reached through its title like assistive tech does. */
export function promptFrame(page: Page): FrameLocator {
  return page.frameLocator(`iframe[title="${PROMPT_TITLE}"]`);
}

/** Waits for the prompt and for it to accept clicks: it ignores them for its first 500 ms on screen. */
export async function waitForPrompt(page: Page): Promise<Locator> {
  const dialog = await visible(promptFrame(page).getByRole('dialog', { name: PROMPT_TITLE }));
  await promptFrame(page).locator('body[data-armed="true"]').waitFor({ state: 'attached' });
  return dialog;
}

/** Prompts on screen; a frame prepared ahead and still hidden is not one. */
export const promptCount = (page: Page) => page.locator(`iframe[title="${PROMPT_TITLE}"]`).filter({ visible: true }).count();
