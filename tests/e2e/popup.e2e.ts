import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { FAKE_KEYS, REDIRECT_TARGET } from '../support/fake-smartrecruiters.mjs';
import { addConnection, connectionItem, expandItem, gone, testItem, visible } from './popup-driver';
import { useTestBed } from './test-bed';

describe('popup: manage and test connections in the built extension', () => {
  const bed = useTestBed();
  let popup: Page;
  beforeEach(async () => {
    bed.server.clearRequests();
    await popup?.close();
    popup = await bed.extension.openExtensionPage('popup.html');
  });

  it('adds a connection and explains a working key', async () => {
    await addConnection(popup, { name: 'ServiceNow prod', key: `  ${FAKE_KEYS.ok}\n` });
    const item = await expandItem(popup, 'ServiceNow prod');
    expect(await item.textContent()).toContain('https://api.smartrecruiters.com');
    // The key is masked until revealed.
    expect(await item.textContent()).not.toContain(FAKE_KEYS.ok);
    await item.getByRole('button', { name: 'Reveal API key' }).click();
    await visible(item.getByText(FAKE_KEYS.ok));

    const result = await testItem(popup, 'ServiceNow prod');
    expect(result).toContain('Connected');
    expect(result).toContain('HTTP 200');
    expect(result).toMatch(/\d+ ms/);
    expect(result).toContain('Acme Corp');
    expect(result).toContain('GET https://api.smartrecruiters.com/configuration/company');
    // The key went to its own API host and nowhere else.
    const carriers = bed.server.requests.filter((r) => Object.values(r.headers).some((v) => String(v).includes(FAKE_KEYS.ok)));
    expect(new Set(carriers.map((r) => r.host))).toEqual(new Set(['api.smartrecruiters.com']));

    // Results persist with the connection: a new popup shows them.
    await popup.close();
    popup = await bed.extension.openExtensionPage('popup.html');
    expect(await (await visible(connectionItem(popup, 'ServiceNow prod'))).textContent()).toContain('Connected');
  });

  it.each([
    ['invalid', 'Invalid API key', 'HTTP 401'],
    ['forbidden', 'Access denied', 'HTTP 403'],
    ['rateLimited', 'Rate limited', 'Retry in'],
    ['serverError', 'Server error', 'HTTP 503'],
    ['notJson', 'Unexpected response', 'HTTP 200'],
    ['redirect', 'Unexpected response', 'redirect'],
    ['drop', 'Network error', 'Could not reach'],
  ] as const)('labels the %s case "%s"', async (scenario, label, fact) => {
    const name = `case ${scenario}`;
    await addConnection(popup, { name, key: FAKE_KEYS[scenario] });
    await visible(connectionItem(popup, name));
    const result = await testItem(popup, name);
    expect(result).toContain(label);
    expect(result).toContain(fact);
    if (scenario === 'redirect') {
      // Reported, not obeyed: the only request is the one to the API.
      expect(bed.server.requests.map((r) => r.host)).toEqual(['api.smartrecruiters.com']);
      expect(bed.server.requests.map((r) => r.path)).not.toContain(new URL(REDIRECT_TARGET).pathname);
    }
  });

  it('times out a server that never answers', async () => {
    await addConnection(popup, { name: 'case hang', key: FAKE_KEYS.hang });
    await visible(connectionItem(popup, 'case hang'));
    expect(await testItem(popup, 'case hang', 40_000)).toContain('Timed out');
  });

  it('refuses bad input next to the field and saves nothing', async () => {
    await popup.getByRole('button', { name: 'Add connection' }).click();
    await popup.getByLabel('Connection URL').fill('http://api.smartrecruiters.com');
    await popup.getByLabel('API key').fill('DCRA1-abc def');
    await popup.getByRole('button', { name: 'Save' }).click();
    await visible(popup.getByText('Enter a connection name.'));
    expect(await popup.getByLabel('Connection name').getAttribute('aria-invalid')).toBe('true');
    expect(await popup.getByText('The URL must start with https://.').isVisible()).toBe(true);
    expect(await popup.getByText('The key must not contain spaces or line breaks.').isVisible()).toBe(true);

    // A duplicate name, differing only in case, is refused by the background.
    await addConnectionThenCancelOnError('SERVICENOW PROD');
    async function addConnectionThenCancelOnError(name: string) {
      await popup.getByRole('button', { name: 'Cancel' }).click();
      await addConnection(popup, { name, key: FAKE_KEYS.invalid });
      await visible(popup.getByText('A connection with this name already exists.'));
      await popup.getByRole('button', { name: 'Cancel' }).click();
    }
    expect(await connectionItem(popup, 'SERVICENOW PROD').count()).toBe(0);
  });

  it('renames, deletes and undoes the delete', async () => {
    await addConnection(popup, { name: 'To rename', key: FAKE_KEYS.forbidden, note: 'spoke' });
    const item = await expandItem(popup, 'To rename');
    await item.getByRole('button', { name: 'Edit' }).click();
    const nameField = popup.getByLabel('Connection name');
    expect(await nameField.inputValue()).toBe('To rename');
    await nameField.fill('Renamed');
    await popup.getByRole('button', { name: 'Save' }).click();
    const renamed = await expandItem(popup, 'Renamed');
    expect(await connectionItem(popup, 'To rename').count()).toBe(0);

    await renamed.getByRole('button', { name: 'Delete' }).click();
    await gone(connectionItem(popup, 'Renamed'));
    await popup.getByRole('button', { name: 'Undo' }).click();
    const back = await expandItem(popup, 'Renamed');
    expect(await back.textContent()).toContain('spoke');
  });

  it('tests all connections at once', async () => {
    await addConnection(popup, { name: 'all one', key: FAKE_KEYS.slowOk });
    await visible(connectionItem(popup, 'all one'));
    await popup.getByRole('button', { name: 'Test all' }).click();
    await visible(popup.getByRole('button', { name: 'Testing…' }));
    // The label comes back when every test has answered (the hanging one gives up at 25 s).
    await visible(popup.getByRole('button', { name: 'Test all' }), 45_000);
    const text = (await connectionItem(popup, 'all one').textContent()) ?? '';
    expect(text).toContain('Connected');
    expect(await connectionItem(popup, 'ServiceNow prod').textContent()).toContain('Connected');
  });

  it('filters a long list by name', async () => {
    for (let i = 0; i < 3; i++) await addConnection(popup, { name: `filler ${i}`, key: FAKE_KEYS.ok.replace(/.$/, String(i)) });
    const filter = await visible(popup.getByRole('searchbox', { name: 'Filter connections' }));
    await filter.fill('filler 1');
    await visible(connectionItem(popup, 'filler 1'));
    expect(await popup.getByRole('list', { name: 'Connections' }).getByRole('listitem').count()).toBe(1);
  });
});
