import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseResults, resultKey } from '../results/result-schema';
import { openIndexedDbArea } from '../storage/indexed-db-area';
import type { RemovableAreaLike, ReportingArea } from '../storage/storage-area';
import { VAULT_VERSION } from './migrations';
import { MOVED_MARKER } from './move-to-indexed-db';
import { createSessionKeys } from './session-key';
import { RECORD_PREFIX, REVISION_KEY, VAULT_DATABASE, VAULT_STORAGE_KEY, isVaultKey } from './vault-layout';
import { createVaultStore } from './vault-store';

const golden = (version: number) => JSON.parse(readFileSync(join(__dirname, `../../tests/golden/vault-v${version}.json`), 'utf8')) as Record<string, unknown>;
const NAMES = ['ServiceNow production', 'Sandbox'];

function setUp() {
  fakeBrowser.reset();
  const factory = new IDBFactory();
  const local = fakeBrowser.storage.local;
  const idb = () => openIndexedDbArea(VAULT_DATABASE, factory);
  const store = (legacy: RemovableAreaLike = local, area: ReportingArea = idb()) =>
    createVaultStore(area, createSessionKeys(fakeBrowser.storage.session, Date.now), legacy);
  return { local, idb, store };
}

const names = async (store: ReturnType<ReturnType<typeof setUp>['store']>) => {
  const read = await store.readStored();
  return read.ok ? read.value.connections.map((c) => c.name) : read.error.code;
};

describe('vault v8: the move from storage.local into IndexedDB', () => {
  it('moves the v7 golden whole, on disk before anything is removed, and leaves storage.local only the marker', async () => {
    const { local, idb, store } = setUp();
    await local.set({ ...golden(7), [resultKey('other')]: { history: [] } });
    const strict: boolean[] = [];
    const area = idb();
    const watched: ReportingArea = { ...area, set: (items, options) => (strict.push(options?.strict ?? false), area.set(items, options)) };
    expect(await names(store(local, watched))).toEqual(NAMES);
    // The copy, then the migrated vault.
    expect(strict).toEqual([true, false]);

    const moved = await idb().get(null);
    const v8 = golden(8);
    // What IndexedDB holds is the v8 golden, but for the revision, which every write makes anew.
    expect({ ...moved, [REVISION_KEY]: v8[REVISION_KEY] }).toEqual(v8);
    // Results stay in storage.local; the vault's keys are gone from it but the marker.
    expect(await local.get(null)).toEqual({ [VAULT_STORAGE_KEY]: MOVED_MARKER, [resultKey('other')]: { history: [] } });
  });

  it('leaves an older build a vault it refuses, not an empty one it would start writing', async () => {
    const { local, store } = setUp();
    await local.set(golden(7));
    await store().read();
    // A v7 build reads the `vault` key and refuses any version above its own (migrateVault).
    const left = await local.get(null);
    expect(Object.keys(left)).toEqual([VAULT_STORAGE_KEY]);
    expect((left[VAULT_STORAGE_KEY] as { version: number }).version).toBeGreaterThan(7);
  });

  it('moves a pre-v5 vault too, and the results it carries out go to storage.local', async () => {
    const { local, idb, store } = setUp();
    const v3 = golden(3) as { connections: Array<{ id: string }> };
    await local.set({ [VAULT_STORAGE_KEY]: v3 });
    expect(await names(store())).toEqual(NAMES);
    expect(Object.keys(await idb().get(null)).filter(isVaultKey)).toHaveLength(3);
    expect(parseResults((await local.get(resultKey(v3.connections[0]!.id)))[resultKey(v3.connections[0]!.id)]).last).toBeDefined();
  });

  it.each([
    ['a v7 vault', () => golden(7)],
    // Without a passphrase or a quarantine, a v7 vault never wrote its `vault` key: records only.
    ['a v7 vault of records only', () => Object.fromEntries(Object.entries(golden(7)).filter(([key]) => key !== VAULT_STORAGE_KEY))],
  ])("keeps IndexedDB's copy of %s when a worker stopped before storage.local was tidied", async (_, stored) => {
    const { local, idb, store } = setUp();
    await local.set(stored());
    const stopping: RemovableAreaLike = {
      get: (keys) => local.get(keys),
      set: () => Promise.reject(new Error('worker stopped')),
      remove: () => Promise.reject(new Error('worker stopped')),
    };
    await expect(store(stopping).read()).rejects.toThrow('worker stopped');
    // The copy is in IndexedDB, and storage.local still holds the v7 records.
    const copied = await idb().get(null);
    const records = Object.keys(copied).filter((key) => key.startsWith(RECORD_PREFIX));
    expect(records).toHaveLength(2);
    expect(Object.keys(await local.get(null)).filter(isVaultKey)).toEqual(Object.keys(stored()));

    // IndexedDB's copy changes (as a later write would); storage.local's must not come back over it.
    await idb().set({ [records[0]!]: { ...(copied[records[0]!] as object), name: 'Renamed' }, [REVISION_KEY]: 'later' });
    expect(await names(store())).toEqual(['Renamed', 'Sandbox']);
    expect(await local.get(null)).toEqual({ [VAULT_STORAGE_KEY]: MOVED_MARKER });
    expect((await idb().get(records[0]!))[records[0]!]).toMatchObject({ name: 'Renamed' });
  });

  it('leaves the marker only once the records are gone: a worker stopped while removing them tidies them next time', async () => {
    const { local, store } = setUp();
    await local.set(golden(7));
    const removing: RemovableAreaLike = { get: (keys) => local.get(keys), set: (items) => local.set(items), remove: () => Promise.reject(new Error('worker stopped')) };
    await expect(store(removing).read()).rejects.toThrow('worker stopped');
    expect((await local.get(VAULT_STORAGE_KEY))[VAULT_STORAGE_KEY]).toMatchObject({ version: 7 });
    expect(await names(store())).toEqual(NAMES);
    expect(await local.get(null)).toEqual({ [VAULT_STORAGE_KEY]: MOVED_MARKER });
  });

  it('reads an empty vault on a new install, writes none, and leaves the marker for older builds', async () => {
    const { local, idb, store } = setUp();
    expect(await names(store())).toEqual([]);
    expect(await idb().get(null)).toEqual({});
    expect(await local.get(null)).toEqual({ [VAULT_STORAGE_KEY]: MOVED_MARKER });
    expect(MOVED_MARKER.version).toBe(VAULT_VERSION);
  });
});
