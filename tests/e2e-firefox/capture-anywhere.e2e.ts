import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSmartRecruiters, type FakeSmartRecruiters } from '../support/fake-smartrecruiters.mjs';
import { launchFirefox, type LaunchedFirefox } from '../support/launch-firefox.mjs';
import {
  PROMPT_FRAME,
  type PortalSession,
  byRole,
  expandItem,
  generateKey,
  openCredentials,
  pendingOfferNames,
  shownPrompts,
  waitForPrompt,
  waitForText,
} from './firefox-driver';

/** Long enough for a prompt that was going to appear to have appeared. */
const QUIET_MS = 2_000;

/**
 * The whole capture flow in Firefox on portal shapes the detector has no caption or path for:
 * Japanese (in none of its lists) on paths that say nothing, a native modal dialog in the top
 * layer, a closed shadow root, the whole flow in an iframe, a key set seconds after its pop-up
 * with no DOM change. Each is saved from the prompt with a real click. The OAuth client flow shows
 * two values, neither an API key: it is never offered.
 */
describe('Firefox: capture on any portal shape', () => {
  let server: FakeSmartRecruiters;
  let firefox: LaunchedFirefox;
  let portal: Page | undefined;

  beforeAll(async () => {
    server = await startFakeSmartRecruiters();
    firefox = await launchFirefox({ port: server.port });
  });
  afterEach(async () => {
    await portal?.close().catch(() => undefined);
    portal = undefined;
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  /** A fresh tab in front (Firefox runs animation frames, which the prompt's checks need, only there). */
  async function openPortal(session: PortalSession): Promise<Page> {
    portal = await firefox.browser.newPage();
    await openCredentials(portal, session);
    return portal;
  }

  /** The popup's item for a connection: its text, once listed. */
  async function listedAs(name: string): Promise<string> {
    const popup = await firefox.openExtensionPage('popup.html');
    try {
      return await (await expandItem(popup, name)).evaluate((li) => li.textContent ?? '');
    } finally {
      await popup.close();
    }
  }

  it.each<[string, PortalSession]>([
    ['dialog-input', { lang: 'ja', paths: 'opaque' }],
    ['native-dialog', { lang: 'de' }],
    // Closed roots: Firefox gives content scripts `element.openOrClosedShadowRoot`, a property.
    ['closed-shadow', { lang: 'fr' }],
    ['iframe', { lang: 'ja' }],
    ['late', { lang: 'en', extraQuery: 'lateMs=4000' }],
  ])('%s %o: the prompt shows, prefilled, and saves on a click', async (variant, session) => {
    const page = await openPortal({ variant, ...session });
    const name = `${variant} ${session.lang} ${session.paths ?? ''}`.trim();
    const key = await generateKey(page, name, { description: `note ${variant}` });
    // Under `late` the key reaches its field 4 s after Generate: the prompt waits for it.
    const prompt = await waitForPrompt(page);
    const nameField = await prompt.waitForSelector(byRole('textbox', 'Connection name'));
    expect(await nameField?.evaluate((el) => (el as HTMLInputElement).value)).toBe(name);
    // The frame's address carries nothing of the offer.
    expect(await page.$eval(PROMPT_FRAME, (el) => el.getAttribute('src'))).not.toContain(key);

    // A real click at the button's place: in the top layer, above a modal dialog, not inert.
    await prompt.locator(byRole('button', 'Save connection')).click();
    await waitForText(prompt, `Saved as “${name}”.`);
    const item = await listedAs(name);
    expect(item).toContain('captured');
    expect(item).toContain(`note ${variant}`);
  });

  it.each([
    ['en', 'hex'],
    ['ja', 'base62'],
  ])('the OAuth client flow (%s, %s secret) shows no prompt and leaves no offer', async (lang, secret) => {
    const page = await openPortal({ lang, extraQuery: `oauthSecret=${secret}` });
    const name = `OAuth ${lang}`;
    await generateKey(page, name, { type: 'oauth' });
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    // A frame may have been loaded, hidden, when Generate was clicked; none is shown.
    expect(await shownPrompts(page)).toBe(0);

    const popup = await firefox.openExtensionPage('popup.html');
    try {
      expect(Object.values(await pendingOfferNames(popup))).not.toContain(name);
    } finally {
      await popup.close();
    }
  });
});
