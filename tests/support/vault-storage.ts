import type { Worker } from 'playwright-core';
import { REVISION_KEY, VAULT_DATABASE, isVaultKey } from '../../lib/vault/vault-layout';
import { vaultDatabaseInWorker } from './vault-database.mjs';

type Items = Record<string, unknown>;

/**
 * Stores `items` where the extension keeps them in Chromium: the vault's keys in its IndexedDB
 * (with a new revision, so that the background reads the vault again), the rest in storage.local.
 */
export async function seedStorage(worker: Worker, items: Items): Promise<void> {
  const vault = Object.fromEntries(Object.entries(items).filter(([key]) => isVaultKey(key)));
  const rest = Object.fromEntries(Object.entries(items).filter(([key]) => !isVaultKey(key)));
  await worker.evaluate(vaultDatabaseInWorker, { name: VAULT_DATABASE, revisionKey: REVISION_KEY, write: vault });
  await worker.evaluate((rest) => chrome.storage.local.set(rest), rest);
}

/** Every key of the vault as stored (IndexedDB), the revision left out. */
export async function storedVault(worker: Worker): Promise<Items> {
  const all = await worker.evaluate(vaultDatabaseInWorker, { name: VAULT_DATABASE, revisionKey: REVISION_KEY });
  return Object.fromEntries(Object.entries(all).filter(([key]) => isVaultKey(key)));
}
