import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MOVED_MARKER } from '../../lib/vault/move-to-indexed-db';
import { REVISION_KEY } from '../../lib/vault/vault-layout';
import { storedVault } from '../support/vault-storage';
import { connectionItem, expandItem, gone, visible } from './popup-driver';
import { useTestBed } from './test-bed';

const golden = (version: number) => JSON.parse(readFileSync(path.join(__dirname, `../golden/vault-v${version}.json`), 'utf8')) as Record<string, unknown>;

describe('an update that finds a v7 vault in storage.local (vault v8)', () => {
  const bed = useTestBed();

  it('moves it into IndexedDB whole, shows and unlocks it, and leaves storage.local the marker', async () => {
    const { context, serviceWorker } = bed.extension;
    // A new install's first read leaves the marker: waited for, so that it cannot land on the seed below.
    await expect.poll(() => serviceWorker.evaluate(() => chrome.storage.local.get(null))).toEqual({ vault: MOVED_MARKER });
    // As the previous version left it: the vault in storage.local, and a test result beside it.
    await serviceWorker.evaluate((items) => chrome.storage.local.set(items), { ...golden(7), 'testResults:other': { history: [] } });
    // A new background starting on that storage, as after an update: the extension reloads.
    const restarted = context.waitForEvent('serviceworker', { predicate: (worker) => worker.url() === serviceWorker.url() && worker !== serviceWorker });
    await serviceWorker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    const worker: Worker = await restarted;

    const popup = await bed.extension.openExtensionPage('popup.html');
    await visible(connectionItem(popup, 'ServiceNow production'));
    await visible(connectionItem(popup, 'Sandbox'));
    // The lock moved with the records: the golden's passphrase opens them.
    await popup.getByLabel('Passphrase').fill('golden passphrase');
    await popup.getByRole('button', { name: 'Unlock' }).click();
    await gone(popup.getByRole('button', { name: 'Unlock' }));
    const item = await expandItem(popup, 'Sandbox');
    expect(await item.getByRole('button', { name: 'Reveal API key' }).isDisabled()).toBe(false);

    // The v8 golden, but that the new background at once forgot the previous key: the golden's
    // rotation is older than the 30 days previous keys are kept (lib/background/previous-keys.ts).
    const forgetful = ([key, value]: [string, unknown]) =>
      [key, key.startsWith('vault.c.') ? { ...(value as object), previousKey: undefined, previousUrl: undefined, updatedAt: undefined } : value];
    const v8 = golden(8);
    delete v8[REVISION_KEY];
    expect(Object.fromEntries(Object.entries(await storedVault(worker)).map(forgetful))).toEqual(Object.fromEntries(Object.entries(v8).map(forgetful)));
    expect(await worker.evaluate(() => chrome.storage.local.get(null))).toEqual({ vault: MOVED_MARKER, 'testResults:other': { history: [] } });
    await popup.close();
  });
});
