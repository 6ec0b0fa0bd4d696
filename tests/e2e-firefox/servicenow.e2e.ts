import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSmartRecruiters, type FakeSmartRecruiters } from '../support/fake-smartrecruiters.mjs';
import { launchFirefox, type LaunchedFirefox } from '../support/launch-firefox.mjs';
import { addConnection, byRole, closeWindows, connectionItem, expandItem, popupWindows, textOf, waitForPrompt, waitForText } from './firefox-driver';

const INSTANCE = 'dev00000.service-now.com';
const HOSTILE = 'evil.service-now.com';
const FILL = 'Fill from SmartRecruiters Admin Helper';
const KEY = 'DCRA1-0123456789abcdef0123456789abcdef';
/** Long enough for a control that was going to appear to have appeared (the script rescans every second). */
const QUIET_MS = 2_500;

/** Every input's value in a document, through open shadow roots: the page's own view of the form. */
const formValues = (scope: Page | Frame): Promise<string[]> =>
  scope.evaluate(() => {
    const values: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el instanceof HTMLInputElement) values.push(el.value);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return values;
  });

/**
 * A button by its name, through open shadow roots (puppeteer's ARIA selector does not enter them
 * in Firefox): as a screen reader finds the extension's control beside the API Key field.
 */
function findButton(scope: Page | Frame, name: string): Promise<boolean> {
  return scope.evaluate((wanted) => {
    const walk = (root: Document | ShadowRoot): boolean =>
      [...root.querySelectorAll('*')].some(
        (el) => (el.localName === 'button' && el.textContent?.trim() === wanted) || (el.shadowRoot !== null && walk(el.shadowRoot)),
      );
    return walk(document);
  }, name);
}

async function buttonThroughShadow(scope: Page | Frame, name: string): Promise<ElementHandle> {
  const handle = await scope.waitForFunction(
    (wanted) => {
      const walk = (root: Document | ShadowRoot): Element | null => {
        for (const el of root.querySelectorAll('*')) {
          if (el.localName === 'button' && el.textContent?.trim() === wanted) return el;
          const inner = el.shadowRoot && walk(el.shadowRoot);
          if (inner) return inner;
        }
        return null;
      };
      return walk(document);
    },
    { timeout: 15_000, polling: 100 },
    name,
  );
  return handle as ElementHandle;
}

/** What the picker shows (its notices, whether it is armed), for a failure to explain itself. */
async function pickerState(page: Page): Promise<string> {
  const frame = await (await page.$(`iframe[title="${FILL}"]`))?.contentFrame();
  if (!frame) return 'not shown';
  return frame
    .evaluate(() => {
      const statuses = [...document.querySelectorAll('[role="status"]')].map((el) => el.textContent?.trim()).filter(Boolean);
      return `armed ${document.body.dataset.armed}; status: ${statuses.join(' | ') || 'none'}`;
    })
    .catch((error: unknown) => `unreadable (${String(error)})`);
}

/** Waits for the picker to leave the page, saying what it showed when it does not. */
async function pickerGone(page: Page): Promise<void> {
  await page.waitForSelector(`iframe[title="${FILL}"]`, { hidden: true, timeout: 15_000 }).catch(async (error: unknown) => {
    throw new Error(`The picker stayed: ${await pickerState(page)}`, { cause: error });
  });
}

describe('Firefox: the ServiceNow helper', () => {
  let server: FakeSmartRecruiters;
  let firefox: LaunchedFirefox;
  const pages: Page[] = [];
  const track = (page: Page) => (pages.push(page), page);

  async function openInstance(path: string): Promise<Page> {
    const page = track(await firefox.browser.newPage());
    await page.goto(`https://${INSTANCE}${path}`);
    return page;
  }

  async function gsftMain(page: Page): Promise<Frame> {
    const iframe = await page.waitForSelector('iframe[name="gsft_main"]', { timeout: 15_000 });
    const frame = await iframe?.contentFrame();
    if (!frame) throw new Error('no gsft_main frame');
    await frame.waitForSelector('input[type="password"]', { timeout: 15_000 });
    return frame;
  }

  /**
   * An add-on page in the main window, opened before any confirmation window: a page puppeteer
   * opens while that window has focus lands in it as a second tab (Firefox opens new tabs in the
   * most recent window, popups included), and would close with it.
   */
  let watcher: Page;

  /**
   * The confirmation the background opened in an extension window. Firefox's WebDriver BiDi
   * does not report extension pages (bug 1755014), so puppeteer cannot drive that window: this
   * checks, from the watcher page, that a popup window shows confirm-fill.html, closes that
   * window (the promise settles once it is gone, so the next page cannot land in it), and opens
   * the same page (same address, same UI) in a tab for the test to act in.
   */
  async function confirmationWindow(page: Page): Promise<Page> {
    type Window = { id?: number; type?: string; tabs?: Array<{ url?: string }> };
    type Api = { windows: { getAll(o: { populate: boolean }): Promise<Window[]>; remove(id: number): Promise<void> } };
    const windows = () =>
      watcher.evaluate(async () => {
        const { windows } = (globalThis as unknown as { browser: Api }).browser;
        return (await windows.getAll({ populate: true })).map((w) => `${w.type}: ${w.tabs?.map((t) => t.url).join(', ')}`).join('; ');
      });
    const handle = await watcher
      .waitForFunction(
        async () => {
          const { windows } = (globalThis as unknown as { browser: Api }).browser;
          for (const window of await windows.getAll({ populate: true })) {
            const url = window.type === 'popup' ? window.tabs?.find((t) => t.url?.includes('/confirm-fill.html#'))?.url : undefined;
            if (url === undefined || window.id === undefined) continue;
            await windows.remove(window.id);
            return url;
          }
          return false;
        },
        { timeout: 15_000, polling: 200 },
      )
      .catch(async (error: unknown) => {
        throw new Error(`No confirmation window. Windows: ${await windows().catch(String)}. Picker: ${await pickerState(page)}`, { cause: error });
      });
    const url = String(await handle.jsonValue());
    return track(await firefox.openExtensionPage(url.slice(url.indexOf('confirm-fill.html'))));
  }

  beforeAll(async () => {
    server = await startFakeSmartRecruiters();
    firefox = await launchFirefox({ port: server.port });
    watcher = track(await firefox.openExtensionPage('popup.html'));
    await addConnection(watcher, { name: 'Prod Acme', key: KEY });
    await watcher.waitForSelector(connectionItem('Prod Acme'), { visible: true, timeout: 15_000 });
  });
  afterEach(async () => {
    // A confirmation a failed test left open would take every page opened after it.
    await closeWindows(watcher, await popupWindows(watcher)).catch(() => undefined);
  });
  afterAll(async () => {
    for (const page of pages) await page.close().catch(() => undefined);
    await firefox?.close();
    await server?.close();
  });

  it('runs nothing on ServiceNow while off', async () => {
    const page = await openInstance('/next.html');
    await buttonThroughShadow(page, 'Create Connection');
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    expect(await findButton(page, FILL)).toBe(false);
  });

  it('Turn on ServiceNow helper asks for *.service-now.com; then the first fill (Next Experience) is confirmed in an extension window', async () => {
    const manager = track(await firefox.openExtensionPage('options.html'));
    await manager.locator(byRole('button', 'Turn on ServiceNow helper')).click();
    await waitForText(manager, 'The ServiceNow helper is on.');

    const page = await openInstance('/next.html');
    await (await buttonThroughShadow(page, FILL)).click();
    const picker = await waitForPrompt(page, 15_000, FILL);
    await waitForText(picker, INSTANCE);
    await picker.locator(byRole('button', 'Prod Acme · Production · Not tested yet')).click();
    const confirm = await confirmationWindow(page);
    expect(await textOf(confirm, 'h1')).toBe(`Send the key of Prod Acme to ${INSTANCE}?`);
    expect(await formValues(page)).toEqual(['', 'https://api.smartrecruiters.com', '']);
    await confirm.locator(byRole('button', `Send to ${INSTANCE}`)).click();
    await pickerGone(page);
    expect(await formValues(page)).toEqual(['Prod Acme', 'https://api.smartrecruiters.com', KEY]);
    expect(await page.evaluate(() => (window as unknown as { __replica: { submitted: number } }).__replica.submitted)).toBe(0);
  });

  it('classic UI (gsft_main): a trusted instance fills at once; Used in is recorded', async () => {
    const page = await openInstance('/classic.html');
    const form = await gsftMain(page);
    await (await buttonThroughShadow(form, FILL)).click();
    const picker = await waitForPrompt(page, 15_000, FILL);
    await picker.locator(byRole('button', 'Prod Acme · Production · Not tested yet')).click();
    await pickerGone(page);
    expect(await formValues(form)).toEqual(['Prod Acme', 'https://api.smartrecruiters.com', KEY]);
    const popup = track(await firefox.openExtensionPage('popup.html'));
    await expandItem(popup, 'Prod Acme');
    expect(await textOf(popup, connectionItem('Prod Acme'))).toContain(`Used in: ${INSTANCE}`);
  });

  it('a hostile page on another instance that imitates the form learns nothing until the user confirms that instance', async () => {
    const page = track(await firefox.browser.newPage());
    await page.goto(`https://${HOSTILE}/hostile.html`);
    await (await buttonThroughShadow(page, FILL)).click();
    const picker = await waitForPrompt(page, 15_000, FILL);
    await waitForText(picker, HOSTILE);
    await picker.locator(byRole('button', 'Prod Acme · Production · Not tested yet')).click();
    const confirm = await confirmationWindow(page);
    expect(await textOf(confirm, 'h1')).toBe(`Send the key of Prod Acme to ${HOSTILE}?`);
    await confirm.locator(byRole('button', 'Cancel')).click();
    await pickerGone(page);
    expect(await formValues(page)).toEqual(['', 'https://api.smartrecruiters.com', '']);
    const seen = (await page.evaluate(() => (window as unknown as { __spy: { seen: string[] } }).__spy.seen)).join('\n');
    for (const secret of [KEY, 'Prod Acme']) expect(seen).not.toContain(secret);
  });

  it('Turn off withdraws the grant: the script is unregistered and nothing runs on ServiceNow again', async () => {
    const manager = track(await firefox.openExtensionPage('options.html'));
    await manager.locator(byRole('button', 'Turn off ServiceNow helper')).click();
    await waitForText(manager, 'The ServiceNow helper is off.');
    const page = await openInstance('/classic.html');
    const form = await gsftMain(page);
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    expect(await findButton(form, FILL)).toBe(false);
  });
});
