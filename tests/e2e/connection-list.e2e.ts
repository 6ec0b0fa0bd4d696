import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection, TestResult } from '../../lib/connections/schema';
import { resultKey, toStored, withResult } from '../../lib/results/result-schema';
import { RECORD_PREFIX, allItems } from '../../lib/vault/vault-layout';
import { FAKE_KEYS } from '../support/fake-smartrecruiters.mjs';
import { addConnection, connectionItem, visible } from './popup-driver';
import { useTestBed } from './test-bed';
import { seedStorage, storedVault } from '../support/vault-storage';

const API = 'https://api.smartrecruiters.com';
const SANDBOX = 'https://api.sandbox.smartrecruiters.com';
const COUNT = 60;
const NOW = Date.now();
const LONG_AGO = Date.UTC(2025, 10, 24, 9, 30);
const endpoint = (host: string) => `GET ${host}/configuration/company`;

/** 60 connections: every 7th on the sandbox, every 5th failing, one tested long ago, one with a company to find. */
function connections(): Array<Connection & { lastTest?: TestResult }> {
  return Array.from({ length: COUNT }, (_, i) => {
    const url = i % 7 === 3 ? SANDBOX : API;
    const failing = i % 5 === 4;
    return {
      id: `list-${i}`,
      name: `Integration ${String(i + 1).padStart(2, '0')}`,
      url,
      key: { kind: 'plain', value: `DCRA1-${i.toString(16).padStart(32, '0')}` },
      note: i === 17 ? 'Payroll export' : '',
      source: 'typed',
      createdAt: NOW - (COUNT - i) * 60_000,
      updatedAt: NOW - (COUNT - i) * 60_000,
      ...(i % 2 === 0 && {
        lastTest: {
          at: i === 10 ? LONG_AGO : NOW - i * 60_000,
          category: failing ? 'invalid-key' : 'connected',
          status: failing ? 401 : 200,
          latencyMs: 100,
          endpoint: endpoint(url),
          ...(i === 22 && { company: 'Globex Industries' }),
        },
      }),
    } satisfies Connection & { lastTest?: TestResult };
  });
}

const list = (page: Page) => page.getByRole('list', { name: 'Connections' });
/** The names of the rows drawn, top to bottom. */
const rowNames = (page: Page) => list(page).getByRole('listitem').evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')));
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('the popup list: compact rows, search, sort, Failing only, keyboard', () => {
  const bed = useTestBed();
  let popup: Page;

  beforeAll(async () => {
    // Stored as the extension stores them: the records, and each last result apart from its record.
    const all = connections();
    const records = all.map(({ lastTest: _, ...connection }) => connection);
    const results = all.flatMap(({ id, lastTest }) => (lastTest ? [[resultKey(id), toStored(withResult({ history: [] }, lastTest))]] : []));
    const items = { ...allItems({ connections: records, quarantine: [] }, {}), ...Object.fromEntries(results) };
    await seedStorage(bed.extension.serviceWorker, items);
    popup = await bed.extension.context.newPage();
    // The toolbar popup's size: 400 wide (.app-popup), at most 600 high.
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${bed.extension.extensionId}/popup.html`);
    await visible(connectionItem(popup, 'Integration 01'));
  });
  afterAll(() => popup?.close());

  it('shows at least ten whole rows, each with its name, environment, verdict and Test connection', async () => {
    const wholeRows = await list(popup)
      .getByRole('listitem')
      .evaluateAll((items) => items.filter((item) => {
        const box = item.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= innerHeight;
      }).length);
    expect(wholeRows).toBeGreaterThanOrEqual(10);
    const first = connectionItem(popup, 'Integration 01');
    expect(await first.textContent()).toMatch(/Integration 01.*Production.*Connected · (just now|\d+ min ago)/);
    expect(await first.getByRole('button', { name: 'Test connection' }).isVisible()).toBe(true);
    // Only the rows in view are drawn, but each says where it stands in the whole list.
    expect(await first.getAttribute('aria-setsize')).toBe(String(COUNT));
    expect((await rowNames(popup)).length).toBeLessThan(COUNT);
  });

  it('shows the date of a result that is not from today', async () => {
    expect(await connectionItem(popup, 'Integration 11').textContent()).toContain('Nov 24, 2025');
  });

  it('searches name, URL, note and the company of the last test', async () => {
    const search = popup.getByRole('searchbox', { name: 'Filter connections' });
    await search.fill('sandbox');
    await expect.poll(() => rowNames(popup)).toEqual(
      connections().filter((c) => c.url === SANDBOX).map((c) => c.name),
    );
    await expect.poll(async () => connectionItem(popup, 'Integration 04').textContent()).toContain('Sandbox');
    await search.fill('payroll');
    await expect.poll(() => rowNames(popup)).toEqual(['Integration 18']);
    await search.fill('globex');
    await expect.poll(() => rowNames(popup)).toEqual(['Integration 23']);
    await search.fill('no such thing');
    await visible(popup.getByText('No connection matches this filter.'));
    await search.fill('');
    await visible(connectionItem(popup, 'Integration 01'));
  });

  it('sorts by verdict, by date added and by last tested, and filters to failing ones', async () => {
    const sort = popup.getByLabel('Sort by');
    await sort.selectOption({ label: 'Verdict' });
    await expect.poll(async () => (await rowNames(popup))[0]).toBe('Integration 05');
    await sort.selectOption({ label: 'Date added' });
    await expect.poll(async () => (await rowNames(popup))[0]).toBe(`Integration ${COUNT}`);
    await sort.selectOption({ label: 'Last tested' });
    await expect.poll(async () => (await rowNames(popup)).slice(0, 2)).toEqual(['Integration 01', 'Integration 03']);

    await popup.getByRole('checkbox', { name: 'Failing only' }).check();
    const failing = connections().filter((c) => c.lastTest?.category === 'invalid-key');
    await expect.poll(async () => (await rowNames(popup)).sort()).toEqual(failing.map((c) => c.name).sort());
    for (const name of await rowNames(popup)) expect(await connectionItem(popup, name!).textContent()).toContain('Invalid API key');
    await popup.getByRole('checkbox', { name: 'Failing only' }).uncheck();
    await sort.selectOption({ label: 'Name' });
    await expect.poll(async () => (await rowNames(popup))[0]).toBe('Integration 01');
  });

  it('moves between rows with the arrow keys, beyond the rows first drawn, and expands with Enter', async () => {
    await connectionItem(popup, 'Integration 01').getByRole('button', { name: 'Integration 01' }).focus();
    for (let i = 0; i < 25; i++) await popup.keyboard.press('ArrowDown');
    await expect.poll(() => focusedText(popup)).toBe('Integration 26');
    await popup.keyboard.press('ArrowUp');
    await expect.poll(() => focusedText(popup)).toBe('Integration 25');
    await popup.keyboard.press('End');
    await expect.poll(() => focusedText(popup)).toBe(`Integration ${COUNT}`);
    await popup.keyboard.press('Enter');
    const last = connectionItem(popup, `Integration ${COUNT}`);
    await visible(last.getByRole('button', { name: 'Copy API key' }));
    expect(await last.getByRole('button', { name: `Integration ${COUNT}` }).getAttribute('aria-expanded')).toBe('true');
    expect(await last.textContent()).toContain(SANDBOX);
    await popup.keyboard.press('Home');
    await expect.poll(() => focusedText(popup)).toBe('Integration 01');
  });

  it('puts a new connection where the sort puts it, in view, also once "Saved" shows', async () => {
    await addConnection(popup, { name: 'Integration 35b', key: FAKE_KEYS.ok });
    const added = await visible(connectionItem(popup, 'Integration 35b'));
    const names = await rowNames(popup);
    expect(names[names.indexOf('Integration 35b') - 1]).toBe('Integration 35');
    expect(names[names.indexOf('Integration 35b') + 1]).toBe('Integration 36');
    // The toast takes its room from the list's scroll box: the row must still lie inside the box.
    await visible(popup.getByRole('status').filter({ hasText: 'Saved Integration 35b.' }));
    const row = (await added.boundingBox())!;
    const scrollBox = (await popup.locator('.list-box').boundingBox())!;
    expect(row.y).toBeGreaterThanOrEqual(scrollBox.y);
    expect(row.y + row.height).toBeLessThanOrEqual(scrollBox.y + scrollBox.height);
    expect(scrollBox.y + scrollBox.height).toBeLessThanOrEqual(600);
  });

  it('draws the right first screen of a long list at once, before the rest is read, and then the rest', async () => {
    // Added last but first by name: a first screen in any order but the list's would miss it.
    const aardvark = { ...connections()[0]!, id: 'list-aardvark', name: 'Aardvark', createdAt: NOW, updatedAt: NOW };
    delete aardvark.lastTest;
    await seedStorage(bed.extension.serviceWorker, allItems({ connections: [aardvark], quarantine: [] }, {}));
    const fresh = await bed.extension.context.newPage();
    try {
      await fresh.setViewportSize({ width: 400, height: 600 });
      // What the list shows the first time it shows any row, noted in the page as it happens.
      await fresh.addInitScript(() => {
        const observer = new MutationObserver(() => {
          const rows = [...document.querySelectorAll('ul[aria-label="Connections"] > li')];
          if (!rows.length) return;
          observer.disconnect();
          Object.assign(globalThis, {
            firstDrawn: {
              names: rows.map((row) => row.getAttribute('aria-label')),
              setSize: rows[0]!.getAttribute('aria-setsize'),
              count: document.querySelector('.count')?.textContent,
            },
          });
        });
        observer.observe(document, { childList: true, subtree: true });
      });
      await fresh.goto(`chrome-extension://${bed.extension.extensionId}/popup.html`);
      const total = Object.entries(await storedVault(bed.extension.serviceWorker)).filter(([key, value]) => key.startsWith(RECORD_PREFIX) && value).length;
      expect(total).toBeGreaterThan(COUNT);
      await expect.poll(() => list(fresh).getAttribute('aria-busy')).toBe('false');
      const first = (await fresh.evaluate(() => (globalThis as unknown as { firstDrawn: { names: string[]; setSize: string; count: string } }).firstDrawn))!;
      expect(first.names.slice(0, 3)).toEqual(['Aardvark', 'Integration 01', 'Integration 02']);
      expect(first.setSize).toBe(String(total));
      expect(first.count).toBe(`${total} connections`);
      // The rest came: the last one by name is reached and drawn.
      await fresh.getByRole('button', { name: 'Aardvark' }).focus();
      await fresh.keyboard.press('End');
      await expect.poll(() => focusedText(fresh)).toBe(`Integration ${COUNT}`);
    } finally {
      await fresh.close();
    }
  });
});
