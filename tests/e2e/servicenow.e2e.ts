import { fileURLToPath } from 'node:url';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSmartRecruiters, type FakeSmartRecruiters } from '../support/fake-smartrecruiters.mjs';
import { makeGrantedCopy } from '../support/granted-build.mjs';
import { launchExtension, type LaunchedExtension } from '../support/launch-extension.mjs';
import { addConnection, connectionItem, expandItem, visible } from './popup-driver';

const INSTANCE = 'dev00000.service-now.com';
const HOSTILE = 'evil.service-now.com';
const FILL = 'Fill from SmartRecruiters Admin Helper';
const PICKER = `iframe[title="${FILL}"]`;
const KEY = 'DCRA1-0123456789abcdef0123456789abcdef';
const OTHER_KEY = 'DCRA1-fedcba9876543210fedcba9876543210';
const ROTATED_KEY = 'DCRA1-00112233445566778899aabbccddeeff';
/** Long enough for a control that was going to appear to have appeared (the script rescans every second). */
const QUIET_MS = 2_500;

type ReplicaWindow = { __replica?: { events: string[]; submitted: number }; __spy?: { seen: string[] } };

/** Where the form is: the classic UI's gsft_main frame, or the page itself. */
const formScope = (page: Page, variant: 'classic' | 'next' | 'hostile') =>
  variant === 'classic' ? page.frameLocator('iframe[name="gsft_main"]') : page;
const formFrame = (page: Page, variant: 'classic' | 'next' | 'hostile') =>
  variant === 'classic' ? page.frame({ name: 'gsft_main' })! : page.mainFrame();

/** The field values of the form, read as a test (the page's own view). */
async function formValues(page: Page, variant: 'classic' | 'next' | 'hostile'): Promise<string[]> {
  return formFrame(page, variant).evaluate(() => {
    const inputs: HTMLInputElement[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el instanceof HTMLInputElement) inputs.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return inputs.map((input) => input.value);
  });
}

async function openPicker(page: Page, variant: 'classic' | 'next' | 'hostile'): Promise<FrameLocator> {
  await formScope(page, variant).getByRole('button', { name: FILL }).click();
  const picker = page.frameLocator(PICKER);
  await visible(picker.getByRole('dialog', { name: FILL }));
  await picker.locator('body[data-armed="true"]').waitFor({ state: 'attached' });
  return picker;
}

describe('ServiceNow helper, off: the shipped build', () => {
  let server: FakeSmartRecruiters;
  let extension: LaunchedExtension;
  beforeAll(async () => {
    server = await startFakeSmartRecruiters();
    extension = await launchExtension({ port: server.port });
  });
  afterAll(async () => {
    await extension?.close();
    await server?.close();
  });

  it('runs nothing on ServiceNow until the host is granted, and the manager offers to turn it on', async () => {
    const page = await extension.context.newPage();
    await page.goto(`https://${INSTANCE}/next.html`);
    await visible(page.getByRole('textbox', { name: 'Connection Name' }));
    await page.waitForTimeout(QUIET_MS);
    expect(await page.getByRole('button', { name: FILL }).count()).toBe(0);
    expect(await page.locator('iframe').count()).toBe(0);
    const manager = await extension.openExtensionPage('options.html');
    await visible(manager.getByText('The ServiceNow helper is off.'));
    await visible(manager.getByRole('button', { name: 'Turn on ServiceNow helper' }));
    expect(
      await extension.serviceWorker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length),
    ).toBe(0);
  });
});

describe('ServiceNow helper, on: a test-only copy of the build granted *.service-now.com at install', () => {
  let server: FakeSmartRecruiters;
  let extension: LaunchedExtension;
  let removeCopy: () => Promise<void>;
  beforeAll(async () => {
    server = await startFakeSmartRecruiters();
    // The sandbox host too: saving a connection there asks for it, and Chromium's prompt cannot be answered.
    const copy = await makeGrantedCopy({ hosts: ['https://*.service-now.com/*', 'https://api.sandbox.smartrecruiters.com/*'] });
    removeCopy = copy.remove;
    extension = await launchExtension({ extensionDir: copy.dir, port: server.port });
    const popup = await extension.openExtensionPage('popup.html');
    await addConnection(popup, { name: 'Prod Acme', key: KEY });
    await visible(connectionItem(popup, 'Prod Acme'));
    await addConnection(popup, { name: 'Staging Acme', key: OTHER_KEY, url: 'https://api.sandbox.smartrecruiters.com' });
    await visible(connectionItem(popup, 'Staging Acme'));
    await popup.close();
  });
  afterAll(async () => {
    await extension?.close();
    await server?.close();
    await removeCopy?.();
  });

  it('classic UI (gsft_main): the first fill asks in an extension window, then fills URL, key and the empty name as typing would, never submits', async () => {
    const page = await extension.context.newPage();
    await page.goto(`https://${INSTANCE}/classic.html`);
    const picker = await openPicker(page, 'classic');
    await visible(picker.getByText(INSTANCE));
    // Names, environments and verdicts; the frame has the prompt's one size whatever it lists.
    await visible(picker.getByRole('button', { name: /Staging Acme.*Sandbox/ }));
    const box = await page.locator(PICKER).boundingBox();
    expect([box?.width, box?.height]).toEqual([344, 296]);
    // The README's picture of the helper (the replica, invented names).
    await page.screenshot({ path: fileURLToPath(new URL('../../docs/screenshots/servicenow-picker.png', import.meta.url)) });

    const opened = extension.context.waitForEvent('page');
    await picker.getByRole('button', { name: /^Prod Acme/ }).click();
    const confirm = await opened;
    expect(confirm.url()).toContain('/confirm-fill.html');
    expect(confirm.url()).not.toContain(KEY);
    await visible(confirm.getByRole('heading', { name: `Send the key of Prod Acme to ${INSTANCE}?` }));
    // Nothing reached the page before the user confirmed.
    expect(await formValues(page, 'classic')).toEqual(['', 'https://api.smartrecruiters.com', '']);
    await confirm.getByRole('button', { name: `Send to ${INSTANCE}` }).click();
    await visible(confirm.getByText(`The key of “Prod Acme” is filled into ${INSTANCE}.`, { exact: false }));

    expect(await formValues(page, 'classic')).toEqual(['Prod Acme', 'https://api.smartrecruiters.com', KEY]);
    const log = await formFrame(page, 'classic').evaluate(() => (window as ReplicaWindow).__replica!);
    expect(log.events).toEqual(expect.arrayContaining(['input:API Key', 'change:API Key', 'input:Connection Name', 'change:Connection URL']));
    expect(log.submitted).toBe(0);
    // The key is a value, never an attribute; the picker is gone.
    expect(await formFrame(page, 'classic').evaluate((k) => document.documentElement.outerHTML.includes(k), KEY)).toBe(false);
    await page.locator(PICKER).waitFor({ state: 'detached' });
    await confirm.close();
  });

  it('Next Experience (shadow roots): a trusted instance fills at once, keeping a name the admin typed; Used in is recorded', async () => {
    const page = await extension.context.newPage();
    await page.goto(`https://${INSTANCE}/next.html`);
    await page.getByRole('textbox', { name: 'Connection Name' }).fill('SmartRecruiters spoke');
    const picker = await openPicker(page, 'next');
    const pages = extension.context.pages().length;
    await picker.getByRole('button', { name: /^Prod Acme/ }).click();
    await page.locator(PICKER).waitFor({ state: 'detached' });
    expect(extension.context.pages().length).toBe(pages);
    expect(await formValues(page, 'next')).toEqual(['SmartRecruiters spoke', 'https://api.smartrecruiters.com', KEY]);

    const popup = await extension.openExtensionPage('popup.html');
    const item = await expandItem(popup, 'Prod Acme');
    expect(await item.textContent()).toContain(`Used in: ${INSTANCE}`);
    // Rotating the key says where the old one still is, beside Undo.
    await item.getByRole('button', { name: 'Edit' }).click();
    await popup.getByLabel('API key').fill(ROTATED_KEY);
    await popup.getByRole('button', { name: 'Save' }).click();
    await visible(popup.getByText('Saved Prod Acme.'));
    const rotated = await expandItem(popup, 'Prod Acme');
    await visible(rotated.getByRole('button', { name: 'Undo key change' }));
    expect(await rotated.textContent()).toContain(`The previous key was filled into ${INSTANCE}: update it there too.`);
    await popup.close();
  });

  it('a hostile page on another instance that imitates the form learns nothing until the user confirms that instance', async () => {
    const page = await extension.context.newPage();
    await page.goto(`https://${HOSTILE}/hostile.html`);
    // The page clicks our control by script every 100 ms: that opens nothing.
    await visible(page.getByRole('button', { name: FILL }));
    await page.waitForTimeout(1_000);
    expect(await page.locator(PICKER).count()).toBe(0);
    const picker = await openPicker(page, 'hostile');
    await visible(picker.getByText(HOSTILE));
    const opened = extension.context.waitForEvent('page');
    await picker.getByRole('button', { name: /^Prod Acme/ }).click();
    const confirm = await opened;
    // Trusting dev00000 trusts nothing else: the window names this instance.
    await visible(confirm.getByRole('heading', { name: `Send the key of Prod Acme to ${HOSTILE}?` }));
    await page.waitForTimeout(500);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await page.locator(PICKER).waitFor({ state: 'detached' });
    await page.waitForTimeout(500);
    expect(await formValues(page, 'hostile')).toEqual(['', 'https://api.smartrecruiters.com', '']);
    const seen = (await page.evaluate(() => (window as ReplicaWindow).__spy!.seen)).join('\n');
    for (const secret of [KEY, OTHER_KEY, ROTATED_KEY, 'Prod Acme', 'Staging Acme', 'Sandbox']) expect(seen).not.toContain(secret);
  });

  it('the manager lists the trusted instance with a way to withdraw it', async () => {
    const manager = await extension.openExtensionPage('options.html');
    await visible(manager.getByText('The ServiceNow helper is on.'));
    const trusted = manager.getByRole('list', { name: 'ServiceNow instances trusted with keys' });
    await visible(trusted.getByText(INSTANCE, { exact: true }));
    expect(await trusted.getByRole('listitem').count()).toBe(1);
    await manager.getByRole('button', { name: `Withdraw ${INSTANCE}` }).click();
    await visible(manager.getByText('None yet.', { exact: false }));
  });
});
