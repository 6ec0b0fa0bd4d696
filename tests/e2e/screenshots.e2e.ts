import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Connection, TestResult } from '../../lib/connections/schema';
import { resultKey, toStored, withResult } from '../../lib/results/result-schema';
import { allItems } from '../../lib/vault/vault-layout';
import { layoutFaults } from './layout-faults';
import { visible } from './popup-driver';
import { generateKey, openCredentialsByNavigation } from './portal-driver';
import { useTestBed } from './test-bed';
import { seedStorage } from '../support/vault-storage';

// Checks every screen (popup, manager, the prompt on the portal) at the widths people use, in
// English and German, light and dark: nothing scrolls sideways, no header, button or row name
// wraps, no endpoint breaks inside a word. The English run also writes the README's screenshots;
// its data and clock-dependent bits (time zone, date format) are fixed, so a rerun only changes
// pixels when the UI does.
const OUT_DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const T = Date.UTC(2025, 10, 24, 9, 30);
const API = 'https://api.smartrecruiters.com';
const SANDBOX = 'https://api.sandbox.smartrecruiters.com';
const endpoint = (host: string) => `GET ${host}/configuration/company`;
const SCHEMES = ['light', 'dark'] as const;
// The toolbar popup is always 400 px wide (.app-popup): Chrome sizes it to its content.
const POPUP_WIDTHS = [400, 800];
const PAGE_WIDTHS = [360, 400, 800];

// Invented keys of the right shape; none of them works anywhere.
// Each with its last result, stored apart from the vault as the extension stores it.
const CONNECTIONS: Array<Connection & { lastTest?: TestResult }> = [
  {
    id: 'shot-1',
    name: 'ServiceNow production',
    url: API,
    key: { kind: 'plain', value: 'DCRA1-5f2c0d9e8b7a4c3d2e1f0a9b8c7d6e5f' },
    note: 'Used by the ServiceNow spoke',
    source: 'captured',
    createdAt: T - 9 * 86_400_000,
    updatedAt: T - 9 * 86_400_000,
    lastTest: { at: T, category: 'connected', status: 200, latencyMs: 182, endpoint: endpoint(API), company: 'Acme Corp (AcmeCorp1)' },
  },
  {
    id: 'shot-2',
    name: 'Workday sandbox',
    url: SANDBOX,
    key: { kind: 'plain', value: 'DCRA1-0a1b2c3d4e5f60718293a4b5c6d7e8f9' },
    previousKey: { kind: 'plain', value: 'DCRA1-ffeeddccbbaa99887766554433221100' },
    keyReplaced: { at: T - 86_400_000, via: 'typed' },
    note: '',
    source: 'typed',
    createdAt: T - 30 * 86_400_000,
    updatedAt: T - 86_400_000,
    lastTest: { at: T + 60_000, category: 'unexpected', status: 302, latencyMs: 95, endpoint: endpoint(SANDBOX), detail: 'redirect' },
  },
  {
    id: 'shot-3',
    name: 'Reporting (read only)',
    url: API,
    key: { kind: 'plain', value: 'DCRA1-9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b' },
    note: 'Power BI export',
    source: 'imported',
    createdAt: T - 2 * 86_400_000,
    updatedAt: T - 2 * 86_400_000,
    lastTest: { at: T + 120_000, category: 'access-denied', status: 403, latencyMs: 121, endpoint: endpoint(API) },
  },
  {
    id: 'shot-4',
    name: 'New integration',
    url: API,
    key: { kind: 'plain', value: 'DCRA1-13579bdf2468ace013579bdf2468ace0' },
    note: '',
    source: 'typed',
    createdAt: T,
    updatedAt: T,
  },
];

describe.each(['en', 'de'])('layout and text on every screen, %s', (lang) => {
  const bed = useTestBed({ lang });
  const shots = lang === 'en';

  beforeAll(async () => {
    await mkdir(OUT_DIR, { recursive: true });
    // Stored as the extension stores it; the pages show whatever storage holds.
    const connections = CONNECTIONS.map(({ lastTest: _, ...connection }) => connection);
    const results = CONNECTIONS.flatMap(({ id, lastTest }) => (lastTest ? [[resultKey(id), toStored(withResult({ history: [] }, lastTest))]] : []));
    const items = { ...allItems({ connections, quarantine: [] }, {}), ...Object.fromEntries(results) };
    await seedStorage(bed.extension.serviceWorker, items);
    // A passphrase, unlocked: the header then shows Lock too, its widest state.
    const page = await bed.extension.openExtensionPage('popup.html');
    const outcome = await page.evaluate(
      (data) => new Promise((resolve) => chrome.runtime.sendMessage({ id: 1, type: 'setPassphrase', data, timestamp: Date.now() }, resolve)),
      { passphrase: 'screenshot passphrase' },
    );
    expect(outcome).toMatchObject({ res: { ok: true } });
    await page.close();
  });

  /** An extension page in UTC and US English or German dates, whatever the machine's own settings. */
  async function openPinned(pagePath: string, viewport: { width: number; height: number }): Promise<Page> {
    const { context, extensionId } = bed.extension;
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'UTC' });
    await cdp.send('Emulation.setLocaleOverride', { locale: lang === 'en' ? 'en-US' : 'de-DE' });
    await page.setViewportSize(viewport);
    await page.goto(`chrome-extension://${extensionId}/${pagePath}`);
    await visible(page.getByRole('listitem', { name: 'New integration', exact: true }));
    await visible(page.getByRole('button', { name: lang === 'en' ? 'Lock' : 'Sperren' }));
    return page;
  }

  /** A row by its name, in either language, with its details open. */
  async function openRow(page: Page, name: string) {
    const row = await visible(page.getByRole('listitem', { name, exact: true }));
    await row.getByRole('button', { name, exact: true }).click();
    await visible(row.locator('.row-details'));
  }

  async function expectTidy(target: Page | Frame, where: string) {
    expect(await layoutFaults(target), where).toEqual([]);
  }

  it('popup: the list, and a row open with its result', async () => {
    for (const width of POPUP_WIDTHS) {
      // Chrome's popup is at most 600 px high.
      const page = await openPinned('popup.html', { width, height: 600 });
      await openRow(page, 'Workday sandbox');
      for (const colorScheme of SCHEMES) {
        await page.emulateMedia({ colorScheme });
        await expectTidy(page, `popup ${width} px ${colorScheme}`);
        if (shots && width === 400) await page.screenshot({ path: `${OUT_DIR}popup-${colorScheme}.png`, animations: 'disabled' });
      }
      if (lang === 'de') expect(await page.locator('.row-details').textContent()).toContain('Weiterleitung');
      await page.close();
    }
  });

  it('manager page', async () => {
    // 1280 × 800 is the size the Chrome Web Store asks for (the README's screenshot).
    for (const width of [...PAGE_WIDTHS, 1280]) {
      const page = await openPinned('options.html', { width, height: 800 });
      await openRow(page, 'Workday sandbox');
      for (const colorScheme of SCHEMES) {
        await page.emulateMedia({ colorScheme });
        await expectTidy(page, `manager ${width} px ${colorScheme}`);
        if (shots && width === 1280) await page.screenshot({ path: `${OUT_DIR}manager-${colorScheme}.png`, animations: 'disabled', fullPage: true });
      }
      await page.close();
    }
  });

  it('save prompt on the portal', async () => {
    for (const width of [...PAGE_WIDTHS, 1280]) {
      const portal = await bed.extension.context.newPage();
      await portal.bringToFront();
      await portal.setViewportSize({ width, height: 800 });
      await openCredentialsByNavigation(portal);
      await generateKey(portal, `ServiceNow spoke (${width})`, 'Audit events and users');
      const frameElement = portal.locator('iframe[src*="prompt.html"]').filter({ visible: true });
      await frameElement.waitFor({ state: 'visible', timeout: 15_000 });
      const frame = (await (await frameElement.elementHandle())!.contentFrame())!;
      await frame.getByRole('dialog').waitFor({ state: 'visible', timeout: 15_000 });
      for (const colorScheme of SCHEMES) {
        await portal.emulateMedia({ colorScheme });
        await expectTidy(frame, `prompt ${width} px ${colorScheme}`);
        if (shots && width === 1280) {
          // The prompt with a margin of the page around it, to show its corners and shadow on the
          // portal; not the portal's pop-up, which shows a fresh random key on every run.
          const box = (await frameElement.boundingBox())!;
          const margin = 12;
          await portal.screenshot({
            path: `${OUT_DIR}prompt-${colorScheme}.png`,
            animations: 'disabled',
            clip: { x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin },
          });
        }
      }
      await portal.close();
    }
  });
});
