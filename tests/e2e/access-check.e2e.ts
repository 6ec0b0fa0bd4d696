import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_KEYS } from '../support/fake-smartrecruiters.mjs';
import { addConnection, connectionItem, gone, testItem, visible } from './popup-driver';
import { useTestBed } from './test-bed';

/**
 * The access check and Test all as a user meets them in the built extension: every verdict, the
 * matrix of areas, the purpose of a key, a test before saving, and the runner with its progress,
 * Cancel, dimmed old results, summary and failing filter. One popup for the whole file.
 */
describe('access check and Test all runner', () => {
  const bed = useTestBed();
  let popup: Page;
  beforeAll(async () => {
    popup = await bed.extension.openExtensionPage('popup.html');
  });
  afterAll(async () => {
    await popup?.close();
  });

  const add = async (name: string, key: string) => {
    await addConnection(popup, { name, key });
    await visible(connectionItem(popup, name));
  };

  it('Connected: every area answers, with the System role', async () => {
    await add('All areas', FAKE_KEYS.ok);
    const result = await testItem(popup, 'All areas');
    expect(result).toContain('Connected');
    for (const area of ['Company configuration ✓ 200', 'Jobs ✓ 200', 'Users ✓ 200', 'Acting user ✓ 200', 'Audit events ✓ 200']) {
      expect(result).toContain(area);
    }
    expect(result).toContain('System role: Administrator');
    expect(result).toContain('Rate budget: 9 of 10');
    // Every call went to the key's own host, each area once.
    const paths = bed.server.requests.filter((r) => r.headers['x-smarttoken'] === FAKE_KEYS.ok).map((r) => r.path);
    expect(paths.sort()).toEqual(
      ['/audit-api/v201910/audit-events?limit=1', '/configuration/company', '/jobs?limit=1', '/user-api/v201804/users/me', '/user-api/v201804/users?limit=1'].sort(),
    );
  });

  it('Limited access, and what a ServiceNow spoke would miss', async () => {
    await popup.getByRole('button', { name: 'Add connection' }).click();
    await popup.getByLabel('Connection name').fill('Jobs only');
    await popup.getByLabel('API key').fill(FAKE_KEYS.limited);
    await popup.getByLabel('Used for').selectOption({ label: 'ServiceNow spoke' });
    await popup.getByRole('button', { name: 'Save' }).click();
    await visible(connectionItem(popup, 'Jobs only'));
    const result = await testItem(popup, 'Jobs only');
    expect(result).toContain('Limited access');
    expect(result).not.toContain('Invalid API key');
    expect(result).toContain('Jobs ✓ 200');
    expect(result).toContain('Company configuration ✗ 401');
    expect(result).toContain('Users ✗ 403');
    expect(result).toContain('Missing for ServiceNow spoke: Users, Audit events');
    expect(result).toContain('those writes were not checked');
  });

  it.each([
    ['invalid', 'Invalid API key', 'Audit events ✗ 401'],
    ['forbidden', 'Access denied', 'Jobs ✗ 403'],
    ['rateLimited', 'Rate limited', 'Retry in'],
    ['serverError', 'Server error', 'HTTP 503'],
    ['notJson', 'Unexpected response', 'HTTP 200'],
    ['redirect', 'Unexpected response', 'it was not followed, so the key went nowhere else'],
    ['drop', 'Network error', 'Jobs – not checked'],
  ] as const)('%s: "%s"', async (scenario, label, fact) => {
    await add(`verdict ${scenario}`, FAKE_KEYS[scenario]);
    const result = await testItem(popup, `verdict ${scenario}`);
    expect(result).toContain(label);
    expect(result).toContain(fact);
  });

  it('the rate-limit countdown moves', async () => {
    // Tested again just now: the countdown of an earlier test may have run out meanwhile.
    await testItem(popup, 'verdict rateLimited');
    const item = connectionItem(popup, 'verdict rateLimited');
    const read = async () => /Retry in (\d+) s/.exec((await item.textContent()) ?? '')?.[1];
    const first = await read();
    expect(first).toBeDefined();
    await expect.poll(read, { timeout: 5_000 }).not.toBe(first);
  });

  it('keeps the last results with date and time, shown on demand', async () => {
    await testItem(popup, 'All areas');
    const item = connectionItem(popup, 'All areas');
    await item.getByRole('button', { name: 'History' }).click();
    const history = await visible(item.getByRole('list', { name: 'Last results' }));
    expect(await history.getByRole('listitem').count()).toBe(2);
    // The date is there, not only the time of day.
    expect(await history.textContent()).toMatch(/\d{1,4}[./]\d{1,2}[./]\d{1,4}/);
  });

  it('tests a typed key in the add form before anything is saved', async () => {
    await popup.getByRole('button', { name: 'Add connection' }).click();
    await popup.getByLabel('Connection name').fill('Not saved');
    await popup.getByRole('radio', { name: 'Sandbox' }).check();
    expect(await popup.getByLabel('Connection URL').inputValue()).toBe('https://api.sandbox.smartrecruiters.com');
    await popup.getByRole('radio', { name: 'Production' }).check();
    await popup.getByLabel('API key').fill(FAKE_KEYS.limited);
    await popup.getByRole('button', { name: 'Test', exact: true }).click();
    const form = popup.getByRole('form', { name: 'Add connection' });
    await visible(form.getByText('Limited access'));
    await popup.getByRole('button', { name: 'Cancel' }).click();
    expect(await connectionItem(popup, 'Not saved').count()).toBe(0);
  });

  it('shows "Still waiting…" and Cancel for a slow test, and gives up at the setting as Timed out', async () => {
    await add('Hangs', FAKE_KEYS.hang);
    const item = connectionItem(popup, 'Hangs');
    await item.getByRole('button', { name: 'Test connection' }).click();
    await visible(item.getByText('Still waiting…'), 20_000);
    await item.getByRole('button', { name: 'Cancel test' }).click();
    await visible(popup.getByText('The test was cancelled; nothing was stored.'));
    expect(await item.textContent()).toContain('Not tested yet');

    await popup.getByText('Settings').click();
    const giveUp = popup.getByLabel('Give up a test after (seconds)');
    await giveUp.fill('11');
    await giveUp.press('Enter');
    await giveUp.blur();
    expect(await testItem(popup, 'Hangs', 30_000)).toContain('Timed out');
  });

  it('Test all: progress, old results dimmed until replaced, Cancel; then a summary and the failing ones', async () => {
    // Long enough that the hanging key is still waiting when Cancel is clicked.
    await popup.getByLabel('Give up a test after (seconds)').fill('28');
    await popup.getByLabel('Give up a test after (seconds)').blur();
    await popup.getByRole('button', { name: 'Test all' }).click();
    const status = popup.locator('.run-status');
    const done = async () => Number(/^(\d+) of 10\b/.exec((await status.textContent()) ?? '')?.[1] ?? -1);
    await expect.poll(done).toBeGreaterThanOrEqual(0);
    // Old results stay, marked, until their new one arrives; the hanging key holds up no other.
    await visible(connectionItem(popup, 'Hangs').getByText('Earlier result, being replaced:'));
    await expect.poll(done, { timeout: 20_000 }).toBe(9);
    await expect.poll(() => connectionItem(popup, 'All areas').getByText('Earlier result, being replaced:').count()).toBe(0);
    await popup.getByRole('button', { name: 'Cancel', exact: true }).click();
    await visible(popup.getByText('Cancelled after 9 of 10.'));

    await connectionItem(popup, 'Hangs').getByRole('button', { name: 'Delete' }).click();
    await gone(connectionItem(popup, 'Hangs'));
    await popup.getByRole('button', { name: 'Test all' }).click();
    await visible(popup.getByText('1 connected, 1 limited, 1 invalid, 6 other'), 30_000);
    await popup.getByRole('button', { name: 'Failing only' }).click();
    await gone(connectionItem(popup, 'All areas'));
    // The list draws only the rows in view; each says how many rows the whole list has.
    expect(await popup.getByRole('list', { name: 'Connections' }).locator(':scope > li').first().getAttribute('aria-setsize')).toBe('8');
  });

  it('saves a connection to a host not allowed yet with a confirmation, and the row says so', async () => {
    // The sandbox is an optional host: the popup does not ask (Chromium would close it for the dialog).
    await popup.getByRole('button', { name: 'Add connection' }).click();
    await popup.getByLabel('Connection name').fill('Sandbox pending');
    await popup.getByRole('radio', { name: 'Sandbox' }).check();
    await popup.getByLabel('API key').fill(FAKE_KEYS.ok);
    await popup.getByRole('button', { name: 'Save' }).click();
    await visible(popup.getByText('Saved Sandbox pending.'));
    const item = await visible(connectionItem(popup, 'Sandbox pending'));
    // Collapsed, the row's status line says so, inside the row's box (a line below it is cut off);
    // expanded, the row offers Allow access.
    const said = await visible(item.getByText('The browser has not yet allowed calls to api.sandbox.smartrecruiters.com.'));
    const [row, line] = [(await item.boundingBox())!, (await said.boundingBox())!];
    expect(line.y + line.height).toBeLessThanOrEqual(row.y + row.height);
    expect(await item.getByRole('button', { name: 'Allow access' }).count()).toBe(0);
    // By keyboard: the "Saved" toast takes the room of the list's last rows for a while.
    await item.getByRole('button', { name: 'Sandbox pending', exact: true }).press('Enter');
    await visible(item.getByRole('button', { name: 'Allow access' }));
  });
});
