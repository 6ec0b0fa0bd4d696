import type { AreaChange, ReportingArea } from './storage-area';

export interface IndexedDbName {
  database: string;
  store: string;
  version: number;
}

const committed = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

/**
 * A storage area in one IndexedDB object store, key → value, for data that storage.local holds
 * badly in bulk: Chromium's storage.local makes every write slower as the number of stored keys
 * grows (README, Performance), and a put here does not. Every write is one transaction, so it is
 * atomic like storage.local's `set`. The database is opened on first use and kept open.
 */
export function openIndexedDbArea(name: IndexedDbName, factory: IDBFactory = indexedDB): ReportingArea {
  const listeners = new Set<(changes: Record<string, AreaChange>) => void>();
  let opened: Promise<IDBDatabase> | undefined;

  function database(): Promise<IDBDatabase> {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(name.database, name.version);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(name.store)) request.result.createObjectStore(name.store);
      };
      request.onsuccess = () => {
        const db = request.result;
        // Closed by another context deleting or upgrading the database, or by the browser (its
        // data cleared, a failing disk): a use already under way fails, the next one opens it again.
        db.onversionchange = () => {
          db.close();
          opened = undefined;
        };
        db.onclose = () => (opened = undefined);
        resolve(db);
      };
      request.onerror = () => reject(request.error);
    }).catch((error: unknown) => {
      opened = undefined;
      throw error;
    });
    return opened;
  }

  async function transaction(mode: IDBTransactionMode, strict = false) {
    const db = await database();
    const tx = db.transaction(name.store, mode, { durability: strict ? 'strict' : 'default' });
    return { tx, store: tx.objectStore(name.store) };
  }

  /**
   * Writes each key's new value (undefined: deletes it) in one transaction, and reports the keys
   * it changed once that has committed.
   */
  async function write(entries: Array<[string, unknown]>, strict: boolean): Promise<void> {
    const { tx, store } = await transaction('readwrite', strict);
    const changes: Record<string, AreaChange> = {};
    try {
      for (const [key, value] of entries) {
        // Requests in one transaction run in order: each old value is read before its key is written.
        store.get(key).onsuccess = (event) => (changes[key] = { oldValue: (event.target as IDBRequest).result, newValue: value });
        if (value === undefined) store.delete(key);
        else store.put(value, key);
      }
    } catch (error) {
      // A value that cannot be stored throws here; the writes queued before it must not commit alone.
      tx.abort();
      throw error;
    }
    await committed(tx);
    for (const listener of listeners) {
      try {
        listener(changes);
      } catch {
        // The write is committed whatever a listener does: its failure is not the write's.
      }
    }
  }

  return {
    async get(keys) {
      const { tx, store } = await transaction('readonly');
      const items: Record<string, unknown> = {};
      if (keys === null) {
        const [all, values] = [store.getAllKeys(), store.getAll()];
        await committed(tx);
        all.result.forEach((key, i) => (items[String(key)] = values.result[i]));
        return items;
      }
      for (const key of typeof keys === 'string' ? [keys] : keys) {
        store.get(key).onsuccess = (event) => {
          const value = (event.target as IDBRequest).result;
          if (value !== undefined) items[key] = value;
        };
      }
      await committed(tx);
      return items;
    },

    set: (items, options) => write(Object.entries(items), options?.strict ?? false),

    remove: (keys) => write(keys.map((key) => [key, undefined]), false),

    onChanged(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
