import type { Worker } from 'playwright-core';
import { REVISION_KEY, VAULT_DATABASE, isVaultKey } from '../../lib/vault/vault-layout';

type Items = Record<string, unknown>;

/** What runs in the service worker: the vault's database, opened as lib/storage/indexed-db-area.ts opens it. */
const inWorker = async ({ name, write }: { name: typeof VAULT_DATABASE; write?: Items }): Promise<Items> => {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name.database, name.version);
    request.onupgradeneeded = () => request.result.createObjectStore(name.store);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction(name.store, write ? 'readwrite' : 'readonly');
  const store = tx.objectStore(name.store);
  for (const [key, value] of Object.entries(write ?? {})) store.put(value, key);
  const [keys, values] = [store.getAllKeys(), store.getAll()];
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  return Object.fromEntries(keys.result.map((key, i) => [String(key), values.result[i]]));
};

/**
 * Stores `items` where the extension keeps them in Chromium: the vault's keys in its IndexedDB
 * (with a new revision, so that the background reads the vault again), the rest in storage.local.
 */
export async function seedStorage(worker: Worker, items: Items): Promise<void> {
  const vault = Object.fromEntries(Object.entries(items).filter(([key]) => isVaultKey(key)));
  const rest = Object.fromEntries(Object.entries(items).filter(([key]) => !isVaultKey(key)));
  await worker.evaluate(inWorker, { name: VAULT_DATABASE, write: { ...vault, [REVISION_KEY]: crypto.randomUUID() } });
  await worker.evaluate((rest) => chrome.storage.local.set(rest), rest);
}

/** Every key of the vault as stored (IndexedDB), the revision left out. */
export async function storedVault(worker: Worker): Promise<Items> {
  const all = await worker.evaluate(inWorker, { name: VAULT_DATABASE });
  return Object.fromEntries(Object.entries(all).filter(([key]) => isVaultKey(key)));
}
