// @ts-check
/**
 * Runs in the extension's service worker (pass it to `worker.evaluate`): opens the vault's
 * IndexedDB as lib/storage/indexed-db-area.ts does, writes `write` there when given (after
 * emptying the store with `replace`) with a new revision, so that the background reads the vault
 * again (lib/vault/vault-store.ts), and returns everything the store holds after.
 * @param {{ name: { database: string, store: string, version: number }, revisionKey: string, write?: Record<string, unknown>, replace?: boolean }} options
 * @returns {Promise<Record<string, unknown>>}
 */
export const vaultDatabaseInWorker = async ({ name, revisionKey, write, replace = false }) => {
  /** @type {IDBDatabase} */
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open(name.database, name.version);
    request.onupgradeneeded = () => request.result.createObjectStore(name.store);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction(name.store, write ? 'readwrite' : 'readonly');
  const store = tx.objectStore(name.store);
  if (replace) store.clear();
  if (write) for (const [key, value] of Object.entries({ ...write, [revisionKey]: crypto.randomUUID() })) store.put(value, key);
  const [keys, values] = [store.getAllKeys(), store.getAll()];
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  return Object.fromEntries(keys.result.map((key, i) => [String(key), values.result[i]]));
};
