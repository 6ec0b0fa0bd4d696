import type { FrameLocator, Locator, Page } from 'playwright-core';
import { visible } from './popup-driver';

export const PORTAL = 'https://www.smartrecruiters.com';
export const CREDENTIALS_PATH = '/settings/administration/app-management/custom-applications';
export const PROMPT_TITLE = 'Save SmartRecruiters API key';

/** Opens the portal's home page and walks to Apps & Integrations by in-app navigation. */
export async function openCredentialsByNavigation(page: Page, variant = 'dialog-input'): Promise<void> {
  await page.goto(`${PORTAL}/?variant=${variant}`);
  await page.getByRole('link', { name: 'Settings / Admin' }).click();
  await page.getByRole('link', { name: 'Apps & Integrations' }).click();
  await page.getByRole('tab', { name: 'CREDENTIALS' }).click();
}

/** Runs NEW CREDENTIAL > API key > Next > name, description > Generate; returns the key shown. */
export async function generateKey(page: Page, name: string, description = ''): Promise<string> {
  await page.getByRole('button', { name: 'NEW CREDENTIAL' }).click();
  await page.getByRole('radio', { name: 'API key' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Credentials name').fill(name);
  await page.getByLabel('Description').fill(description);
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  return readShownKey(page);
}

/** Reads the one-time key wherever the variant shows it (field, code, text, shadow root). */
async function readShownKey(page: Page): Promise<string> {
  const pattern = /\b(?:[A-Z0-9]{2,10}-)?[0-9a-fA-F]{32}\b/;
  for (let attempt = 0; attempt < 50; attempt++) {
    const found = await page.evaluate((source) => {
      const re = new RegExp(source);
      const roots: Array<Document | ShadowRoot> = [document];
      for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
      for (const root of roots) {
        // Every variant titles its pop-up "API key generated"; the list beside it holds other hex ids.
        const title = root.querySelector('#key-title');
        const popup = title?.closest('[role="dialog"]') ?? title?.parentElement;
        if (!popup) continue;
        for (const input of popup.querySelectorAll('input, textarea')) {
          const value = (input as HTMLInputElement).value;
          if (re.test(value)) return value.match(re)![0];
        }
        // Text node by text node: joined, the key runs into the button captions after it.
        const walker = document.createTreeWalker(popup, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const match = node.textContent?.match(re);
          if (match) return match[0];
        }
      }
      return null;
    }, pattern.source);
    if (found) return found;
    await page.waitForTimeout(100);
  }
  throw new Error('no key was shown');
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
