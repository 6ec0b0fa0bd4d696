/// <reference types="chrome" />
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FAKE_KEYS } from '../support/fake-smartrecruiters.mjs';
import type { LaunchedExtension } from '../support/launch-extension.mjs';
import { addConnection, connectionItem, expandItem, gone, visible } from './popup-driver';
import { generateKey, openCredentialsByNavigation, promptFrame, waitForPrompt } from './portal-driver';
import { useTestBed } from './test-bed';
import { storedVault as storedVaultItems } from '../support/vault-storage';

const PASSPHRASE = 'correct horse battery';
/** Every key of the vault as stored (one per connection, in IndexedDB since v8), and all of storage.local, as JSON text. */
const storedVault = async (extension: LaunchedExtension) =>
  JSON.stringify({ vault: await storedVaultItems(extension.serviceWorker), local: await extension.serviceWorker.evaluate(() => chrome.storage.local.get(null)) });

describe('passphrase lock, capture while locked, export and import', () => {
  const bed = useTestBed();
  let manager: Page;

  beforeAll(async () => {
    manager = await bed.extension.openExtensionPage('options.html');
  });

  it('sets a passphrase, locks, refuses a wrong one and unlocks', async () => {
    await addConnection(manager, { name: 'Kept safe', key: FAKE_KEYS.ok });
    await visible(connectionItem(manager, 'Kept safe'));
    expect(await storedVault(bed.extension)).toContain(FAKE_KEYS.ok);

    await manager.getByRole('button', { name: 'Set passphrase' }).click();
    await visible(manager.getByText('If you forget the passphrase, the keys cannot be recovered.'));
    await manager.getByLabel('New passphrase').fill(PASSPHRASE);
    await manager.getByLabel('Repeat passphrase', { exact: true }).fill(PASSPHRASE);
    await manager.getByRole('button', { name: 'Save passphrase' }).click();
    await visible(manager.getByText('Passphrase saved. Keys are encrypted.'));
    const sealed = await storedVault(bed.extension);
    expect(sealed).not.toContain(FAKE_KEYS.ok);
    expect(sealed).toContain('Kept safe');

    const popup = await bed.extension.openExtensionPage('popup.html');
    await popup.getByRole('button', { name: 'Lock' }).click();
    await popup.getByLabel('Passphrase').fill('not the passphrase');
    await popup.getByRole('button', { name: 'Unlock' }).click();
    await visible(popup.getByText('That passphrase is not right.'));
    // Locked: the list still shows, the key does not, and nothing offers to reveal it.
    const item = await expandItem(popup, 'Kept safe');
    expect(await item.getByRole('button', { name: 'Reveal API key' }).isDisabled()).toBe(true);
    expect(await item.textContent()).not.toContain(FAKE_KEYS.ok);

    await popup.getByLabel('Passphrase').fill(PASSPHRASE);
    await popup.getByRole('button', { name: 'Unlock' }).click();
    await gone(popup.getByRole('button', { name: 'Unlock' }));
    await item.getByRole('button', { name: 'Test connection' }).click();
    await visible(item.getByRole('status').getByText('Connected'));
    await popup.close();
  });

  it('never asks for the passphrase in the page: a key captured while locked waits for the review window', async () => {
    await manager.getByRole('button', { name: 'Lock' }).click();
    await visible(manager.getByRole('button', { name: 'Unlock' }));
    const portal = await bed.extension.context.newPage();
    await portal.bringToFront();
    await openCredentialsByNavigation(portal);
    const key = await generateKey(portal, 'Captured while locked');
    const dialog = await waitForPrompt(portal);
    await visible(dialog.getByText('Your vault is locked.'));
    // No passphrase field in the page's frame: a look-alike drawn by the page could phish it.
    expect(await promptFrame(portal).getByLabel('Passphrase').count()).toBe(0);
    expect(await dialog.getByRole('button', { name: 'Save connection' }).count()).toBe(0);
    const opened = bed.extension.context.waitForEvent('page');
    await dialog.getByRole('button', { name: 'Unlock to save…' }).click();
    const review = await opened;
    await review.getByLabel('Passphrase').fill(PASSPHRASE);
    await review.getByRole('button', { name: 'Unlock' }).click();
    // Once unlocked, the offer is saved in one click: in the window, or (as here) back in the prompt.
    await visible(review.getByRole('button', { name: 'Save connection' }));
    await review.close();
    await portal.bringToFront();
    await dialog.getByRole('button', { name: 'Save connection' }).click();
    await visible(dialog.getByText('Saved as “Captured while locked”.'));
    expect(await storedVault(bed.extension)).not.toContain(key);
    await portal.close();
  });

  it('exports encrypted, and imports back after a preview', async () => {
    await manager.bringToFront();
    await gone(manager.getByRole('button', { name: 'Unlock' }));
    await manager.getByLabel('Export passphrase', { exact: true }).fill('backup passphrase');
    await manager.getByLabel('Repeat export passphrase').fill('backup passphrase');
    const downloading = manager.waitForEvent('download');
    await manager.getByRole('button', { name: 'Export' }).click();
    const file = path.join(os.tmpdir(), `sr-backup-${process.pid}.json`);
    await (await downloading).saveAs(file);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(FAKE_KEYS.ok);
    expect(JSON.parse(text)).toMatchObject({ keys: 'sealed', connections: [{ name: 'Kept safe' }, { name: 'Captured while locked' }] });

    await (await expandItem(manager, 'Kept safe')).getByRole('button', { name: 'Delete' }).click();
    await gone(connectionItem(manager, 'Kept safe'));

    // A hostile file first: refused with a clear message, nothing changes.
    const hostile = path.join(os.tmpdir(), `sr-hostile-${process.pid}.json`);
    await writeFile(hostile, `{"__proto__":{"polluted":true},${text.trim().slice(1)}`);
    await manager.getByLabel('Backup file').setInputFiles(hostile);
    await manager.getByLabel('Backup passphrase').fill('backup passphrase');
    await manager.getByRole('button', { name: 'Preview import' }).click();
    await visible(manager.getByText('This file is not a valid backup'));

    await manager.getByLabel('Backup file').setInputFiles(file);
    await manager.getByLabel('Backup passphrase').fill('wrong passphrase');
    await manager.getByRole('button', { name: 'Preview import' }).click();
    await visible(manager.getByText('That is not the passphrase of this backup.'));
    await manager.getByLabel('Backup passphrase').fill('backup passphrase');
    await manager.getByRole('button', { name: 'Preview import' }).click();
    const preview = await visible(manager.getByRole('region', { name: 'Preview import' }));
    expect(await preview.textContent()).toContain('Kept safe: new');
    expect(await preview.textContent()).toContain('Captured while locked: already here');
    await preview.getByRole('button', { name: 'Import' }).click();
    await visible(manager.getByText('Imported 1 new, replaced 0.'));
    const back = await expandItem(manager, 'Kept safe');
    expect(await back.textContent()).toContain('imported');
    await back.getByRole('button', { name: 'Reveal API key' }).click();
    await visible(back.getByText(FAKE_KEYS.ok));

    // Chosen connections only, and without keys.
    const choice = manager.getByRole('group', { name: 'Connections to export' });
    await choice.getByRole('radio', { name: 'Only the ones I tick' }).check();
    await choice.getByRole('searchbox', { name: 'Find connections to export' }).fill('kept');
    await choice.getByRole('checkbox', { name: 'Kept safe' }).check();
    expect(await choice.getByRole('checkbox').count()).toBe(1);
    await manager.getByRole('radio', { name: 'Without keys (names and URLs only)' }).check();
    const keyless = manager.waitForEvent('download');
    await manager.getByRole('button', { name: 'Export' }).click();
    const keylessFile = path.join(os.tmpdir(), `sr-keyless-${process.pid}.json`);
    await (await keyless).saveAs(keylessFile);
    const exported = JSON.parse(await readFile(keylessFile, 'utf8')) as { keys: string; connections: Array<{ name: string }> };
    expect(exported.keys).toBe('none');
    expect(exported.connections.map((c) => c.name)).toEqual(['Kept safe']);
    expect(JSON.stringify(exported)).not.toContain('DCRA1');
  });
});
