import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_KEYS, startFakeSmartRecruiters, type FakeSmartRecruiters } from '../support/fake-smartrecruiters.mjs';
import { launchFirefox, type LaunchedFirefox } from '../support/launch-firefox.mjs';
import { addConnection, byRole, connectionItem, expandItem, waitForText } from './firefox-driver';

const PROXY = 'https://sr-proxy.example.com/smartrecruiters';

/** What the clipboard holds, read from an extension page (the add-on has clipboardRead). */
const readClipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

type PermissionsApi = { permissions: { getAll(): Promise<{ origins?: string[] }> } };
const grantedOrigins = (page: Page) =>
  page.evaluate(async () => (await (globalThis as unknown as { browser: PermissionsApi }).browser.permissions.getAll()).origins ?? []);

// Firefox has no offscreen documents: its background page clears the clipboard itself. Its
// optional permission prompt can be skipped by a preference, so giving back a host grant is tested here.
describe('Firefox: the clipboard and host grants clean up after themselves', () => {
  let server: FakeSmartRecruiters;
  let firefox: LaunchedFirefox;
  let reader: Page;

  beforeAll(async () => {
    server = await startFakeSmartRecruiters();
    firefox = await launchFirefox({ port: server.port, grantOptionalPermissions: true });
    reader = await firefox.openExtensionPage('options.html');
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('clears it once the popup has closed, and leaves what was copied since', async () => {
    const popup = await firefox.openExtensionPage('popup.html');
    await addConnection(popup, { name: 'Clipboard', key: FAKE_KEYS.ok });
    // The manager holds the same setting (the popup has it under Settings).
    await reader.select('#clipboard-clear', '10');
    await reader.waitForFunction(() => (document.querySelector('#clipboard-clear') as HTMLSelectElement | null)?.value === '10');
    await expandItem(popup, 'Clipboard');
    await popup.locator(`${connectionItem('Clipboard')} ${byRole('button', 'Copy API key')}`).click();
    await waitForText(popup, 'API key copied.');
    await popup.close();
    expect(await readClipboard(reader)).toBe(FAKE_KEYS.ok);
    await reader.waitForFunction(async () => (await navigator.clipboard.readText()) === '', { timeout: 30_000, polling: 250 });

    const again = await firefox.openExtensionPage('popup.html');
    await expandItem(again, 'Clipboard');
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

  it("gives back a custom host's grant once no connection uses it, and keeps the manifest's", async () => {
    // The manager asks for a custom host at Save (the popup leaves that to the manager tab).
    const popup = await firefox.openExtensionPage('options.html');
    await popup.locator(byRole('button', 'Add connection')).click();
    await popup.locator(byRole('textbox', 'Connection name')).fill('Behind a proxy');
    await popup.locator('#field-url').fill(PROXY);
    await popup.locator('#field-key').fill(FAKE_KEYS.forbidden);
    await popup.locator(byRole('button', 'Save')).click();
    await popup.waitForSelector(connectionItem('Behind a proxy'));
    await popup.waitForFunction(
      async (origin) => ((await (globalThis as unknown as { browser: PermissionsApi }).browser.permissions.getAll()).origins ?? []).includes(origin),
      { timeout: 15_000, polling: 250 },
      'https://sr-proxy.example.com/*',
    );
    await expandItem(popup, 'Behind a proxy');
    await popup.locator(`${connectionItem('Behind a proxy')} ${byRole('button', 'Delete')}`).click();
    await popup.waitForFunction(
      async (origin) => !((await (globalThis as unknown as { browser: PermissionsApi }).browser.permissions.getAll()).origins ?? []).includes(origin),
      { timeout: 15_000, polling: 250 },
      'https://sr-proxy.example.com/*',
    );
    expect(await grantedOrigins(popup)).toEqual(expect.arrayContaining(['https://api.smartrecruiters.com/*']));
    await popup.close();
  });
});
