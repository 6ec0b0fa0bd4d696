import type { ElementHandle, Frame, Page } from 'puppeteer-core';

/**
 * The Firefox tests' counterpart of tests/e2e/popup-driver.ts and portal-driver.ts, in puppeteer
 * (Playwright cannot drive Firefox ESR here). Elements are found by role and accessible name,
 * as a user of assistive technology finds them; names must not contain double quotes.
 */

export const PORTAL = 'https://www.smartrecruiters.com';
export const CREDENTIALS_PATH = '/settings/administration/app-management/custom-applications';
export const PROMPT_TITLE = 'Save SmartRecruiters API key';

type Scope = Page | Frame;

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

/**
 * On the credentials tab: NEW CREDENTIAL > API key > Next > name > Generate; returns the key the
 * replica shows once. Its default variant puts it in a read-only field, by .value only.
 */
export async function generateKey(page: Page, name: string): Promise<string> {
  await page.locator(byRole('button', 'NEW CREDENTIAL')).click();
  await page.locator(byRole('radio', 'API key')).click();
  await page.locator(byRole('button', 'Next')).click();
  await page.locator(byRole('textbox', 'Credentials name')).fill(name);
  await page.locator(byRole('button', 'Generate')).click();
  const shown = await page.waitForFunction(
    () => [...document.querySelectorAll('input')].map((input) => input.value).find((v) => /^DCRA1-[0-9a-f]{32}$/.test(v)),
    { polling: 100, timeout: 15_000 },
  );
  return String(await shown.jsonValue());
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
