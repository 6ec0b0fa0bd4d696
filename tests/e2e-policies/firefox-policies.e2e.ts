import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_KEYS, startFakeSmartRecruiters, type FakeSmartRecruiters } from '../support/fake-smartrecruiters.mjs';
import { launchFirefox, type LaunchedFirefox } from '../support/launch-firefox.mjs';
import { writeFirefoxPolicy } from '../support/policy-files.mjs';
import { PROMPT_TITLE, byRole, connectionItem, generateKey, openCredentials, waitForPrompt } from '../e2e-firefox/firefox-driver';
import { POLICY_WITH_A_BAD_VALUE, SUPPORT_MESSAGE, countPromptFrames, promptFramesSeen } from './policies';

const GECKO_ID = 'admin-helper@smartrecruiters-admin-helper.dev';
const PASSPHRASE = 'long enough passphrase';
const SET_BY_ORG = 'Set by your organization';
/** Firefox passes on values of the wrong type (Chrome drops them): the extension lists this one. */
const POLICY = { ...POLICY_WITH_A_BAD_VALUE, clipboardClearSeconds: 'thirty', captureEnabled: false };

const bodyText = (page: Page) => page.evaluate(() => document.body.innerText);
/** Waits until the page shows this text (any characters, parentheses included). */
async function waitForBodyText(page: Page, text: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction((t) => document.body.innerText.includes(t), { timeout }, text);
}

async function fill(page: Page, selector: string, value: string): Promise<void> {
  const field = await page.waitForSelector(selector, { visible: true });
  await field!.evaluate((el) => ((el as HTMLInputElement).value = ''));
  await field!.type(value);
}

const isDisabled = (page: Page, selector: string) =>
  page.$eval(selector, (el) => (el as HTMLButtonElement | HTMLInputElement).disabled);

/**
 * Firefox ESR with a real policies.json (/etc/firefox/policies/). Firefox reads it once, at
 * start: the file is there only while Firefox starts (other suites on this machine start Firefox
 * too), and the suite restarts Firefox on the same profile to see the policy gone.
 */
describe('Firefox: administrator policies from a real policies.json', () => {
  let server: FakeSmartRecruiters;
  let profileDir: string;
  const addonUuid = crypto.randomUUID();
  let firefox: LaunchedFirefox | undefined;
  let popup: Page;

  /** One profile for both starts; temporary add-ons keep their storage across them with this pref. */
  const start = (port: number) =>
    launchFirefox({ port, profileDir, addonUuid, extraPrefs: { 'extensions.webextensions.keepStorageOnUninstall': true } });

  beforeAll(async () => {
    server = await startFakeSmartRecruiters();
    profileDir = await mkdtemp(path.join(os.tmpdir(), 'sr-helper-ff-policy-'));
    const removePolicy = await writeFirefoxPolicy(GECKO_ID, POLICY);
    try {
      firefox = await start(server.port);
    } finally {
      await removePolicy();
    }
    popup = await firefox.openExtensionPage('popup.html');
  });
  afterAll(async () => {
    await firefox?.close().catch(() => undefined);
    await server?.close();
    await rm(profileDir, { recursive: true, force: true });
  });

  it('requirePassphrase: asks for a passphrase of the policy length before any key is stored', async () => {
    await waitForBodyText(popup, 'Your organization requires a passphrase before keys are stored here.');
    await popup.locator(byRole('button', 'Add connection')).click();
    await popup.locator(byRole('textbox', 'Connection name')).fill('Prod');
    await fill(popup, '#field-key', FAKE_KEYS.ok);
    await popup.locator(byRole('button', 'Save')).click();
    await waitForBodyText(popup, 'Your organization’s policy (requirePassphrase) requires a passphrase.');
    await popup.locator(byRole('button', 'Cancel')).click();

    await fill(popup, '#required-new', 'eleven char');
    await fill(popup, '#required-repeat', 'eleven char');
    await popup.locator(byRole('button', 'Set passphrase')).click();
    await waitForBodyText(popup, 'Your organization’s policy (minPassphraseLength) requires a longer passphrase.');
    await fill(popup, '#required-new', PASSPHRASE);
    await fill(popup, '#required-repeat', PASSPHRASE);
    await popup.locator(byRole('button', 'Set passphrase')).click();
    await popup.waitForSelector(byRole('button', 'Lock'), { visible: true });
    expect(await popup.$('#required-new')).toBeNull();
  });

  it('allowedApiHosts: refuses another host, naming the policy, and saves an allowed one', async () => {
    await popup.locator(byRole('button', 'Add connection')).click();
    await popup.locator(byRole('textbox', 'Connection name')).fill('Sandbox');
    await fill(popup, '#field-url', 'https://api.sandbox.smartrecruiters.com');
    await fill(popup, '#field-key', FAKE_KEYS.ok);
    await popup.locator(byRole('button', 'Save')).click();
    await waitForBodyText(popup, 'Your organization’s policy (allowedApiHosts) does not allow connections to this host.');
    await fill(popup, '#field-name', 'Prod');
    await fill(popup, '#field-url', 'https://api.smartrecruiters.com');
    await popup.locator(byRole('button', 'Save')).click();
    await popup.waitForSelector(connectionItem('Prod'), { visible: true });
  });

  it('lists the values it cannot use by their keys, applies the rest, and marks locked settings', async () => {
    const manager = await firefox!.openExtensionPage('options.html');
    await waitForBodyText(manager, SUPPORT_MESSAGE);
    const problems = await manager.$$eval('.policy-problems li', (items) => items.map((li) => li.textContent));
    expect(problems).toEqual(['maxAutoLockMinutes: out of the allowed range, ignored.', 'clipboardClearSeconds: not of the expected type, ignored.']);
    expect(await isDisabled(manager, byRole('button', 'Remove passphrase'))).toBe(true);
    expect(await manager.$eval('#passphrase-policy', (el) => el.textContent)).toBe(SET_BY_ORG);
    expect(await isDisabled(manager, 'input[name="export-mode"][aria-describedby="export-plain-policy"]')).toBe(true);
    // The ignored maximum leaves every idle time to choose.
    await manager.select('#auto-lock', '240');
    await manager.waitForFunction(() => (document.getElementById('auto-lock') as HTMLSelectElement).value === '240');
    await manager.close();
  });

  it('captureEnabled false: the content script (which reads managed storage itself) does nothing on the portal', async () => {
    const portal = await firefox!.browser.newPage();
    await openCredentials(portal);
    await portal.evaluate(countPromptFrames, PROMPT_TITLE);
    await generateKey(portal, 'Not offered');
    expect(await portal.evaluate(promptFramesSeen)).toBe(0);
    await portal.close();
  });

  it('gives the user their settings back at the next start without the policy', async () => {
    await firefox!.close();
    firefox = await start(server.port);
    const manager = await firefox.openExtensionPage('options.html');
    await manager.waitForSelector(connectionItem('Prod'), { visible: true });
    await manager.waitForFunction(() => (document.getElementById('auto-lock') as HTMLSelectElement | null)?.value === '240');
    expect(await isDisabled(manager, byRole('button', 'Remove passphrase'))).toBe(false);
    const text = await bodyText(manager);
    expect(text).not.toContain(SET_BY_ORG);
    expect(text).not.toContain(SUPPORT_MESSAGE);
    expect(await manager.$$('input[name="export-mode"]:disabled')).toHaveLength(0);

    const portal = await firefox.browser.newPage();
    await openCredentials(portal);
    await portal.evaluate(countPromptFrames, PROMPT_TITLE);
    await generateKey(portal, 'Offered again');
    await waitForPrompt(portal);
    expect(await portal.evaluate(promptFramesSeen)).toBeGreaterThan(0);
    await portal.close();
  });
});
