import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addConnection } from './operations';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VAULT_STORAGE_KEY } from './parse-vault';
import { parseResults, resultKey } from '../results/result-schema';
import type { StorageAreaLike } from '../storage/storage-area';
import { createSessionKeys } from './session-key';
import { createVaultStore as createStore } from './vault-store';

const createVaultStore = (area: StorageAreaLike) =>
  createStore(area, createSessionKeys(fakeBrowser.storage.session, Date.now));

const key = (n: number) => `DCRA1-${n.toString(16).padStart(32, '0')}`;
let next = 0;
const ctx = () => ({ now: 1, newId: () => `id-${++next}` });

describe('createVaultStore', () => {
  it('migrates a v3 vault in one storage write that also stores the results it carried out', async () => {
    fakeBrowser.reset();
    const v3 = JSON.parse(readFileSync(join(__dirname, '../../tests/golden/vault-v3.json'), 'utf8'));
    const sets: Array<Record<string, unknown>> = [];
    const area: StorageAreaLike = {
      get: (keys) => (typeof keys === 'string' && keys === VAULT_STORAGE_KEY ? Promise.resolve({ vault: v3 }) : Promise.resolve({})),
      set: async (items) => void sets.push(items),
    };
    await createVaultStore(area).read();
    expect(sets).toHaveLength(1);
    const ids = v3.connections.map((c: { id: string }) => c.id);
    expect(Object.keys(sets[0]!).sort()).toEqual([VAULT_STORAGE_KEY, ...ids.map(resultKey)].sort());
    // Stored without its endpoint: the connection's URL says it.
    expect(parseResults(sets[0]![resultKey(ids[0])]).last).toEqual({ ...v3.connections[0].lastTest, endpoint: undefined });
  });

  it('loses no update when many writers change the vault at once', async () => {
    fakeBrowser.reset();
    const area = fakeBrowser.storage.local;
    const store = createVaultStore(area);
    const writes = Array.from({ length: 40 }, (_, n) =>
      store.change((state) => addConnection(state, { name: `c${n}`, url: 'https://api.smartrecruiters.com', key: key(n) }, 'typed', ctx())),
    );
    const outcomes = await Promise.all(writes);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const read = await store.read();
    expect(read.ok && read.value.connections).toHaveLength(40);
  });

  it('writes nothing when a change is refused', async () => {
    fakeBrowser.reset();
    const area = fakeBrowser.storage.local;
    const store = createVaultStore(area);
    const outcome = await store.change((state) =>
      addConnection(state, { name: '', url: 'x', key: '' }, 'typed', ctx()),
    );
    expect(outcome.ok).toBe(false);
    expect(await area.get(VAULT_STORAGE_KEY)).toEqual({});
  });

  it('rewrites a vault that needed quarantining, keeping the bad record', async () => {
    fakeBrowser.reset();
    const area = fakeBrowser.storage.local;
    await area.set({ [VAULT_STORAGE_KEY]: { version: 1, connections: [{ id: 'x', name: 42 }] } });
    const read = await createVaultStore(area).read();
    expect(read.ok && read.value.quarantine).toHaveLength(1);
    const stored = (await area.get(VAULT_STORAGE_KEY))[VAULT_STORAGE_KEY] as { quarantine: unknown[] };
    expect(stored.quarantine).toHaveLength(1);
  });

  it('leaves a newer vault untouched and refuses changes', async () => {
    fakeBrowser.reset();
    const area = fakeBrowser.storage.local;
    const future = { version: 99, connections: [{ anything: true }] };
    await area.set({ [VAULT_STORAGE_KEY]: future });
    const outcome = await createVaultStore(area).change((state) =>
      addConnection(state, { name: 'a', url: 'https://api.smartrecruiters.com', key: key(1) }, 'typed', ctx()),
    );
    expect(outcome).toEqual({ ok: false, error: { code: 'vault-from-newer-version' } });
    expect((await area.get(VAULT_STORAGE_KEY))[VAULT_STORAGE_KEY]).toEqual(future);
  });

  it('keeps going after a change that throws', async () => {
    fakeBrowser.reset();
    const store = createVaultStore(fakeBrowser.storage.local);
    await expect(store.change(() => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect((await store.read()).ok).toBe(true);
  });
});

describe('a write cut short', () => {
  it('leaves the previous vault whole: every change is one storage write', async () => {
    fakeBrowser.reset();
    const area = fakeBrowser.storage.local;
    const store = createVaultStore(area);
    await store.change((state) =>
      addConnection(state, { name: 'kept', url: 'https://api.smartrecruiters.com', key: key(7) }, 'typed', ctx()),
    );
    const before = await area.get(VAULT_STORAGE_KEY);
    // A service worker stopped mid-change never gets its one `set` through.
    const dying: StorageAreaLike = {
      get: (k) => area.get(k),
      set: () => Promise.reject(new Error('worker stopped')),
    };
    const cut = createVaultStore(dying);
    await expect(
      cut.change((state) =>
        addConnection(state, { name: 'lost', url: 'https://api.smartrecruiters.com', key: key(8) }, 'typed', ctx()),
      ),
    ).rejects.toThrow('worker stopped');
    expect(await area.get(VAULT_STORAGE_KEY)).toEqual(before);
  });
});

describe('the kept copy of the vault', () => {
  const watched = (area: StorageAreaLike) =>
    createStore(area, createSessionKeys(fakeBrowser.storage.session, Date.now), (onChange) =>
      fakeBrowser.storage.onChanged.addListener((changes, name) => {
        if (name === 'local' && VAULT_STORAGE_KEY in changes) onChange(changes[VAULT_STORAGE_KEY]?.newValue);
      }),
    );

  it('is read from storage once, and again after someone else writes the vault', async () => {
    fakeBrowser.reset();
    const area = fakeBrowser.storage.local;
    let reads = 0;
    const counting: StorageAreaLike = { get: (k) => (reads++, area.get(k)), set: (items) => area.set(items) };
    const store = watched(counting);
    await store.change((state) =>
      addConnection(state, { name: 'mine', url: 'https://api.smartrecruiters.com', key: key(1) }, 'typed', ctx()),
    );
    await store.read();
    await store.read();
    expect(reads).toBe(1);

    const written = (await area.get(VAULT_STORAGE_KEY))[VAULT_STORAGE_KEY] as { connections: Array<{ name: string }> };
    await area.set({ [VAULT_STORAGE_KEY]: { ...written, connections: [{ ...written.connections[0], name: 'theirs' }] } });
    const read = await store.read();
    expect(read.ok && read.value.connections.map((c) => c.name)).toEqual(['theirs']);
    expect(reads).toBe(2);
  });
});
