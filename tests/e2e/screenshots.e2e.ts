import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, it } from 'vitest';
import type { Connection, TestResult } from '../../lib/connections/schema';
import { resultKey, toStored, withResult } from '../../lib/results/result-schema';
import { VAULT_STORAGE_KEY, serializeVault } from '../../lib/vault/parse-vault';
import { connectionItem, visible } from './popup-driver';
import { PROMPT_TITLE, generateKey, openCredentialsByNavigation, waitForPrompt } from './portal-driver';
import { useTestBed } from './test-bed';

// Writes the documentation screenshots; it checks nothing. The data is fixed and so are the
// clock-dependent bits (time zone, date format), so a rerun only changes pixels when the UI does.
const OUT_DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const T = Date.UTC(2025, 10, 24, 9, 30);
const API = 'https://api.smartrecruiters.com';
const SANDBOX = 'https://api.sandbox.smartrecruiters.com';
const endpoint = (host: string) => `GET ${host}/configuration/company`;

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
    note: '',
    source: 'typed',
    createdAt: T - 30 * 86_400_000,
    updatedAt: T - 86_400_000,
    lastTest: { at: T + 60_000, category: 'invalid-key', status: 401, latencyMs: 95, endpoint: endpoint(SANDBOX) },
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

describe('documentation screenshots', () => {
  const bed = useTestBed();

  beforeAll(async () => {
    await mkdir(OUT_DIR, { recursive: true });
    // Stored as the extension stores it; the pages show whatever storage holds.
    const connections = CONNECTIONS.map(({ lastTest: _, ...connection }) => connection);
    const results = CONNECTIONS.flatMap(({ id, lastTest }) => (lastTest ? [[resultKey(id), toStored(withResult({ history: [] }, lastTest))]] : []));
    const items = { [VAULT_STORAGE_KEY]: serializeVault({ connections, quarantine: [] }), ...Object.fromEntries(results) };
    await bed.extension.serviceWorker.evaluate(`chrome.storage.local.set(${JSON.stringify(items)})`);
  });

  /** An extension page in UTC and US English, whatever the machine's own settings. */
  async function openPinned(pagePath: string, viewport: { width: number; height: number }): Promise<Page> {
    const { context, extensionId } = bed.extension;
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'UTC' });
    await cdp.send('Emulation.setLocaleOverride', { locale: 'en-US' });
    await page.setViewportSize(viewport);
    await page.goto(`chrome-extension://${extensionId}/${pagePath}`);
    await visible(connectionItem(page, 'New integration'));
    return page;
  }

  it.each(['light', 'dark'] as const)('popup, %s', async (colorScheme) => {
    // Chrome's popup is as wide as .app-popup and at most 600 px high.
    const page = await openPinned('popup.html', { width: 400, height: 600 });
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `${OUT_DIR}popup-${colorScheme}.png`, animations: 'disabled' });
    await page.close();
  });

  it.each(['light', 'dark'] as const)('manager page, %s', async (colorScheme) => {
    // 1280 × 800 is the size the Chrome Web Store asks for.
    const page = await openPinned('options.html', { width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `${OUT_DIR}manager-${colorScheme}.png`, animations: 'disabled', fullPage: true });
    await page.close();
  });

  it.each(['light', 'dark'] as const)('capture prompt, %s', async (colorScheme) => {
    const portal = await bed.extension.context.newPage();
    await portal.bringToFront();
    await portal.setViewportSize({ width: 1280, height: 800 });
    await portal.emulateMedia({ colorScheme });
    await openCredentialsByNavigation(portal);
    await generateKey(portal, `ServiceNow spoke (${colorScheme})`, 'Audit events and users');
    await waitForPrompt(portal);
    // The prompt with a margin of the page around it, to show its corners and shadow on the
    // portal; not the portal's pop-up, which shows a fresh random key on every run.
    const box = (await portal.locator(`iframe[title="${PROMPT_TITLE}"]`).boundingBox())!;
    const margin = 12;
    await portal.screenshot({
      path: `${OUT_DIR}prompt-${colorScheme}.png`,
      animations: 'disabled',
      clip: { x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin },
    });
    await portal.close();
  });
});
