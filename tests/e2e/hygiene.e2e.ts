/// <reference types="chrome" />
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FAKE_KEYS } from '../support/fake-smartrecruiters.mjs';
import { addConnection, connectionItem, expandItem, gone, visible } from './popup-driver';
import { useTestBed } from './test-bed';

const PASSPHRASE = 'correct horse battery';

/** What the clipboard holds, read as the extension reads it (an extension page with clipboardRead). */
const readClipboard = (page: Page) =>
  page.evaluate(() => {
    const area = document.createElement('textarea');
    document.body.append(area);
    area.focus();
    document.execCommand('paste');
    const text = area.value;
    area.remove();
    return text;
  });

/** Waits until the clipboard holds `expected`, reading it every 250 ms. */
async function clipboardBecomes(page: Page, expected: string, timeout = 30_000): Promise<void> {
  const until = Date.now() + timeout;
  let text = await readClipboard(page);
  while (text !== expected && Date.now() < until) {
    await page.waitForTimeout(250);
    text = await readClipboard(page);
  }
  expect(text).toBe(expected);
}

describe('hygiene: the clipboard, the lock view and auto-lock', () => {
  const bed = useTestBed();
  let reader: Page;

  beforeAll(async () => {
    reader = await bed.extension.openExtensionPage('options.html');
    const popup = await bed.extension.openExtensionPage('popup.html');
    await addConnection(popup, { name: 'Clipboard', key: FAKE_KEYS.ok });
    await visible(connectionItem(popup, 'Clipboard'));
    await popup.getByText('Settings', { exact: true }).click();
    await popup.getByLabel('Clear a copied key from the clipboard after').selectOption('10');
    await popup.close();
  });

  it('clears a copied key from the clipboard after the set time, also once the popup has closed', async () => {
    const popup = await bed.extension.openExtensionPage('popup.html');
    await (await expandItem(popup, 'Clipboard')).getByRole('button', { name: 'Copy API key' }).click();
    await visible(popup.getByText('API key copied.'));
    await popup.close();
    expect(await readClipboard(reader)).toBe(FAKE_KEYS.ok);
    await clipboardBecomes(reader, '');
  });

  it('leaves the clipboard alone when it holds something else by then', async () => {
    const popup = await bed.extension.openExtensionPage('popup.html');
    await (await expandItem(popup, 'Clipboard')).getByRole('button', { name: 'Copy API key' }).click();
    await visible(popup.getByText('API key copied.'));
    expect(await readClipboard(reader)).toBe(FAKE_KEYS.ok);
    await popup.evaluate(() => navigator.clipboard.writeText('a note of my own'));
    // Past the set time (and the watch is gone): what the user copied since is still there.
    await bed.extension.serviceWorker.evaluate(async () => {
      while ((await chrome.storage.session.get('clipboardWatch')).clipboardWatch) await new Promise((r) => setTimeout(r, 250));
    });
    expect(await readClipboard(reader)).toBe('a note of my own');
    await popup.close();
  });

  it('refuses an invisible variant of a name, and warns about a look-alike without refusing it', async () => {
    const popup = await bed.extension.openExtensionPage('popup.html');
    await addConnection(popup, { name: 'Clipboard\u200B', key: FAKE_KEYS.forbidden });
    await visible(popup.getByText('A connection with this name already exists.'));
    await popup.getByLabel('Connection name').fill('Clipb\u043Eard');
    await visible(popup.getByText('This name looks like “Clipboard” but is a different name.', { exact: false }));
    await popup.getByRole('button', { name: 'Save' }).click();
    await visible(connectionItem(popup, 'Clipb\u043Eard'));
    await popup.close();
  });

  it('shows a lock view with the passphrase field focused, and key actions disabled, while locked', async () => {
    await reader.getByRole('button', { name: 'Set passphrase' }).click();
    await reader.getByLabel('New passphrase').fill(PASSPHRASE);
    await reader.getByLabel('Repeat passphrase', { exact: true }).fill(PASSPHRASE);
    await reader.getByRole('button', { name: 'Save passphrase' }).click();
    await visible(reader.getByText('Passphrase saved. Keys are encrypted.'));
    await reader.getByRole('button', { name: 'Lock' }).click();

    const popup = await bed.extension.openExtensionPage('popup.html');
    const view = await visible(popup.getByRole('region', { name: 'Vault locked' }));
    const field = view.getByLabel('Passphrase');
    await popup.waitForFunction(() => document.activeElement?.id === 'unlock-passphrase');
    const item = await expandItem(popup, 'Clipboard');
    for (const name of ['Test connection', 'Copy API key', 'Reveal API key']) {
      expect(await item.getByRole('button', { name }).isDisabled(), name).toBe(true);
    }
    expect(await popup.getByRole('button', { name: 'Test all' }).isDisabled()).toBe(true);
    // Still by keyboard alone: type and press Enter.
    await field.pressSequentially(PASSPHRASE);
    await field.press('Enter');
    await gone(popup.getByRole('region', { name: 'Vault locked' }));
    expect(await item.getByRole('button', { name: 'Copy API key' }).isDisabled()).toBe(false);
    await popup.close();
  });

  it('locks when the idle time ends, without anything being read', async () => {
    const popup = await bed.extension.openExtensionPage('popup.html');
    await visible(popup.getByRole('button', { name: 'Lock' }));
    // The shortest choice is a minute; the stored idle time is made 2 s so the test need not wait one.
    await bed.extension.serviceWorker.evaluate(async () => {
      const { unlockedKey } = (await chrome.storage.session.get('unlockedKey')) as { unlockedKey: object };
      await chrome.storage.session.set({ unlockedKey: { ...unlockedKey, idleMs: 2_000, lastUsedAt: Date.now() } });
    });
    // Nobody sends the background anything: the alarm alone drops the key, and the popup shows the lock.
    await visible(popup.getByRole('region', { name: 'Vault locked' }));
    await expect
      .poll(() => bed.extension.serviceWorker.evaluate(async () => (await chrome.storage.session.get('unlockedKey')).unlockedKey ?? null), { timeout: 10_000 })
      .toBeNull();
    await popup.close();
  });
});
