import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_KEYS, startFakeSmartRecruiters, type FakeSmartRecruiters } from '../support/fake-smartrecruiters.mjs';
import { launchFirefox, type LaunchedFirefox } from '../support/launch-firefox.mjs';
import {
  CREDENTIALS_PATH,
  PORTAL,
  addConnection,
  byRole,
  expandItem,
  generateKey,
  testItem,
  waitForPrompt,
  waitForText,
} from './firefox-driver';

/** The slice of the WebExtension API the checks below call inside the popup page. */
type PermissionsApi = { permissions: { getAll(): Promise<{ origins?: string[] }> } };

describe('Firefox: the built add-on against the fake SmartRecruiters', () => {
  let server: FakeSmartRecruiters;
  let firefox: LaunchedFirefox;
  const pages: Page[] = [];

  /** Tabs are closed after the suite. Each opens in front, where Firefox runs animation frames. */
  async function openPopup(): Promise<Page> {
    const page = await firefox.openExtensionPage('popup.html');
    pages.push(page);
    return page;
  }

  beforeAll(async () => {
    server = await startFakeSmartRecruiters();
    firefox = await launchFirefox({ port: server.port });
  });
  afterAll(async () => {
    for (const page of pages) await page.close().catch(() => undefined);
    await firefox?.close();
    await server?.close();
  });

  it('is granted its manifest host permissions at install', async () => {
    // Firefox MV3 treats host permissions as revocable; desktop Firefox grants the manifest's at
    // install (extensions.originControls.grantByDefault), temporary add-ons included. The tester
    // relies on api.*, the capture script on www.*.
    const popup = await openPopup();
    const granted = await popup.evaluate(
      async () => (await (globalThis as unknown as { browser: PermissionsApi }).browser.permissions.getAll()).origins ?? [],
    );
    expect(granted).toEqual(
      expect.arrayContaining(['https://api.smartrecruiters.com/*', 'https://www.smartrecruiters.com/*']),
    );
  });

  it('adds a connection in the popup page and its test says Connected', async () => {
    const popup = await openPopup();
    await addConnection(popup, { name: 'Firefox manual', key: FAKE_KEYS.ok });
    const result = await testItem(popup, 'Firefox manual');
    expect(result).toContain('Connected');
    expect(result).toContain('Acme Corp');
    // The key went to its own API host, through the proxy, and nowhere else.
    const carriers = server.requests.filter((r) => Object.values(r.headers).some((v) => String(v).includes(FAKE_KEYS.ok)));
    expect(new Set(carriers.map((r) => r.host))).toEqual(new Set(['api.smartrecruiters.com']));
  });

  it('offers a key generated on the portal, saves it, and the popup tests it: Connected', async () => {
    const portal = await firefox.browser.newPage();
    pages.push(portal);
    await portal.goto(`${PORTAL}${CREDENTIALS_PATH}`);
    await portal.locator(byRole('tab', 'CREDENTIALS')).click();
    const key = await generateKey(portal, 'From the Firefox portal');
    // The replica makes a random key; the fake API answers 401 to keys it does not know.
    server.api.setScenario(key, 'ok');

    const prompt = await waitForPrompt(portal);
    const nameField = await prompt.waitForSelector(byRole('textbox', 'Connection name'));
    expect(await nameField?.evaluate((el) => (el as HTMLInputElement).value)).toBe('From the Firefox portal');
    await prompt.locator(byRole('button', 'Save connection')).click();
    await waitForText(prompt, 'Saved as “From the Firefox portal”.');

    const popup = await openPopup();
    // Marked as captured, not typed; the name avoids the word so this checks the mark.
    expect(await (await expandItem(popup, 'From the Firefox portal')).evaluate((li) => li.textContent ?? '')).toContain('captured');
    expect(await testItem(popup, 'From the Firefox portal')).toContain('Connected');
  });

  it('access check: a key that reads jobs only says Limited access, area by area', async () => {
    const popup = await openPopup();
    await addConnection(popup, { name: 'Firefox jobs only', key: FAKE_KEYS.limited });
    const result = await testItem(popup, 'Firefox jobs only');
    expect(result).toContain('Limited access');
    expect(result).toContain('Jobs ✓ 200');
    expect(result).toContain('Company configuration ✗ 401');
    expect(result).toContain('Users ✗ 403');
    expect(result).not.toContain('Invalid API key');
  });

  it('Test all runs in the background, counts, and ends with a summary and the failing ones', async () => {
    const popup = await openPopup();
    await popup.locator(byRole('button', 'Test all')).click();
    await waitForText(popup, '2 connected, 1 limited, 0 invalid, 0 other', 30_000);
    await popup.locator(byRole('button', 'Failing only')).click();
    await popup.waitForFunction(
      () => document.querySelectorAll('ul.list > li').length === 1 && document.querySelector('ul.list > li')?.getAttribute('aria-label') === 'Firefox jobs only',
    );
  });

  it('tried to reach no other host', () => {
    expect(firefox.refusedByProxy).toEqual([]);
  });
});
