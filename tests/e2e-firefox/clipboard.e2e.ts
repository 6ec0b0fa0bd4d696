import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_KEYS, startFakeSmartRecruiters, type FakeSmartRecruiters } from '../support/fake-smartrecruiters.mjs';
import { launchFirefox, type LaunchedFirefox } from '../support/launch-firefox.mjs';
import { addConnection, byRole, connectionItem, waitForText } from './firefox-driver';

/** What the clipboard holds, read from an extension page (the add-on has clipboardRead). */
const readClipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

// Firefox has no offscreen documents: its background page clears the clipboard itself.
describe('Firefox: a copied key leaves the clipboard after the set time', () => {
  let server: FakeSmartRecruiters;
  let firefox: LaunchedFirefox;
  let reader: Page;

  beforeAll(async () => {
    server = await startFakeSmartRecruiters();
    firefox = await launchFirefox({ port: server.port });
    reader = await firefox.openExtensionPage('options.html');
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('clears it once the popup has closed, and leaves what was copied since', async () => {
    const popup = await firefox.openExtensionPage('popup.html');
    await addConnection(popup, { name: 'Clipboard', key: FAKE_KEYS.ok });
    await popup.locator('summary').click();
    await popup.select('#clipboard-clear', '10');
    await popup.waitForFunction(() => (document.querySelector('#clipboard-clear') as HTMLSelectElement | null)?.value === '10');
    await popup.locator(`${connectionItem('Clipboard')} ${byRole('button', 'Copy API key')}`).click();
    await waitForText(popup, 'API key copied.');
    await popup.close();
    expect(await readClipboard(reader)).toBe(FAKE_KEYS.ok);
    await reader.waitForFunction(async () => (await navigator.clipboard.readText()) === '', { timeout: 30_000, polling: 250 });

    const again = await firefox.openExtensionPage('popup.html');
    await again.locator(`${connectionItem('Clipboard')} ${byRole('button', 'Copy API key')}`).click();
    await waitForText(again, 'API key copied.');
    await again.evaluate(() => navigator.clipboard.writeText('a note of my own'));
    await again.close();
    // Past the set time, the background has looked (its watch is gone) and left the note alone.
    await reader.waitForFunction(
      async () => !(await (globalThis as unknown as { browser: typeof chrome }).browser.storage.session.get('clipboardWatch')).clipboardWatch,
      { timeout: 30_000, polling: 250 },
    );
    expect(await readClipboard(reader)).toBe('a note of my own');
  });
});
