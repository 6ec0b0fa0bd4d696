import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addConnection, removeConnection, updateConnection } from './operations';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VAULT_STORAGE_KEY } from './parse-vault';
import { VAULT_VERSION } from './migrations';
import { parseResults, resultKey } from '../results/result-schema';
import type { RemovableAreaLike } from '../storage/storage-area';
import { createSessionKeys } from './session-key';
import { setPassphrase } from './passphrase';
import { REVISION_KEY, isVaultKey, recordKey } from './vault-layout';
import { createVaultStore as createStore } from './vault-store';

const sessionKeys = () => createSessionKeys(fakeBrowser.storage.session, Date.now);
const createVaultStore = (area: RemovableAreaLike) => createStore(area, sessionKeys());

const API = 'https://api.smartrecruiters.com';
const key = (n: number) => `DCRA1-${n.toString(16).padStart(32, '0')}`;
let next = 0;
const ctx = () => ({ now: 1, newId: () => `id-${++next}` });
const add = (name: string, n: number) => (state: Parameters<typeof addConnection>[0]) =>
  addConnection(state, { name, url: API, key: key(n) }, 'typed', ctx());

async function vaultItems(area = fakeBrowser.storage.local): Promise<Record<string, unknown>> {
  const all = await area.get(null);
  return Object.fromEntries(Object.entries(all).filter(([k, v]) => isVaultKey(k) && v !== undefined));
}

/** The area, counting what each `set` call writes. */
function spying(area: RemovableAreaLike) {
  const sets: string[][] = [];
  const spy: RemovableAreaLike = {
    get: (k) => area.get(k),
    set: (items) => (sets.push(Object.keys(items)), area.set(items)),
    remove: (keys) => area.remove(keys),
  };
  return { spy, sets };
}

describe('createVaultStore', () => {
  it('migrates a v3 vault: the results it carried out first, then the records in one write', async () => {
    fakeBrowser.reset();
    const v3 = JSON.parse(readFileSync(join(__dirname, '../../tests/golden/vault-v3.json'), 'utf8'));
    const sets: Array<Record<string, unknown>> = [];
    const area: RemovableAreaLike = {
      get: async (keys) => (keys === null || keys === VAULT_STORAGE_KEY ? { vault: v3 } : {}),
      set: async (items) => void sets.push(items),
      remove: async () => undefined,
    };
    await createVaultStore(area).read();
    expect(sets).toHaveLength(2);
    const ids: string[] = v3.connections.map((c: { id: string }) => c.id);
    expect(Object.keys(sets[0]!).sort()).toEqual(ids.map(resultKey).sort());
    expect(Object.keys(sets[1]!).sort()).toEqual([VAULT_STORAGE_KEY, REVISION_KEY, ...ids.map(recordKey)].sort());
    // Stored without its endpoint: the connection's URL says it.
    expect(parseResults(sets[0]![resultKey(ids[0]!)]).last).toEqual({ ...v3.connections[0].lastTest, endpoint: undefined });
  });

  it('loses no update when many writers change the vault at once', async () => {
    fakeBrowser.reset();
    const store = createVaultStore(fakeBrowser.storage.local);
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, n) => store.change(add(`c${n}`, n))));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const read = await createVaultStore(fakeBrowser.storage.local).read();
    expect(read.ok && read.value.connections).toHaveLength(40);
  });

  it('writes nothing when a change is refused', async () => {
    fakeBrowser.reset();
    const store = createVaultStore(fakeBrowser.storage.local);
    const outcome = await store.change((state) => addConnection(state, { name: '', url: 'x', key: '' }, 'typed', ctx()));
    expect(outcome.ok).toBe(false);
    expect(await vaultItems()).toEqual({});
  });

  it('leaves a newer vault untouched and refuses changes', async () => {
    fakeBrowser.reset();
    const future = { version: 99, connections: [{ anything: true }] };
    await fakeBrowser.storage.local.set({ [VAULT_STORAGE_KEY]: future });
    const outcome = await createVaultStore(fakeBrowser.storage.local).change(add('a', 1));
    expect(outcome).toEqual({ ok: false, error: { code: 'vault-from-newer-version' } });
    expect(await vaultItems()).toEqual({ [VAULT_STORAGE_KEY]: future });
  });

  it('keeps going after a change that throws', async () => {
    fakeBrowser.reset();
    const store = createVaultStore(fakeBrowser.storage.local);
    await expect(store.change(() => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect((await store.read()).ok).toBe(true);
  });
});

describe('one key per connection (v5)', () => {
  it('moves an old single-key vault to one key per connection in one write, losing nothing', async () => {
    fakeBrowser.reset();
    const { spy, sets } = spying(fakeBrowser.storage.local);
    const old = { version: 3, connections: [{ id: 'a', name: 'A', url: API, key: { kind: 'plain', value: key(1) }, source: 'typed', createdAt: 1, updatedAt: 1 }], quarantine: [] };
    await fakeBrowser.storage.local.set({ [VAULT_STORAGE_KEY]: old });
    const read = await createVaultStore(spy).read();
    expect(read.ok && read.value.connections.map((c) => c.name)).toEqual(['A']);
    expect(sets).toEqual([[recordKey('a'), VAULT_STORAGE_KEY, REVISION_KEY]]);
    expect(await vaultItems()).toEqual({
      [VAULT_STORAGE_KEY]: { version: VAULT_VERSION, quarantine: [] },
      // v7 gives every connection an empty Used in list.
      [recordKey('a')]: { ...old.connections[0], note: '', usedIn: [] },
    });
  });

  it('writes only the record an add or an edit touches; a delete removes its key', async () => {
    fakeBrowser.reset();
    const { spy, sets } = spying(fakeBrowser.storage.local);
    const store = createVaultStore(spy);
    for (let n = 0; n < 5; n++) await store.change(add(`c${n}`, n));
    sets.length = 0;
    const added = await store.change(add('new', 9));
    if (!added.ok) throw new Error();
    const id = added.value.id;
    await store.change((state) => updateConnection(state, id, { note: 'edited' }, ctx()));
    // Each with the new revision that tells a kept copy elsewhere that the vault changed.
    expect(sets).toEqual([[recordKey(id), REVISION_KEY], [recordKey(id), REVISION_KEY]]);
    await store.change((state) => removeConnection(state, id));
    expect(sets.at(-1)).toEqual([recordKey(id), REVISION_KEY]);
    expect(Object.keys(await vaultItems())).not.toContain(recordKey(id));
    const read = await createVaultStore(fakeBrowser.storage.local).read();
    expect(read.ok && read.value.connections.map((c) => c.name)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
  });

  it('quarantines a corrupt record alone and leaves the other records as they were', async () => {
    fakeBrowser.reset();
    const store = createVaultStore(fakeBrowser.storage.local);
    const a = await store.change(add('a', 1));
    const b = await store.change(add('b', 2));
    if (!a.ok || !b.ok) throw new Error();
    const corrupt = { ...b.value, url: 'http://insecure' };
    await fakeBrowser.storage.local.set({ [recordKey(b.value.id)]: corrupt });
    const before = (await vaultItems())[recordKey(a.value.id)];
    const read = await createVaultStore(fakeBrowser.storage.local).read();
    expect(read.ok && read.value.connections.map((c) => c.name)).toEqual(['a']);
    expect(read.ok && JSON.parse(read.value.quarantine[0]!.raw)).toEqual(corrupt);
    const items = await vaultItems();
    expect(items[recordKey(a.value.id)]).toEqual(before);
    expect(items[recordKey(b.value.id)]).toBeUndefined();
    expect((items[VAULT_STORAGE_KEY] as { quarantine: unknown[] }).quarantine).toHaveLength(1);
  });

  it('keeps records whose vault key is missing', async () => {
    fakeBrowser.reset();
    const store = createVaultStore(fakeBrowser.storage.local);
    await store.change(add('kept', 1));
    await fakeBrowser.storage.local.remove(VAULT_STORAGE_KEY);
    const read = await createVaultStore(fakeBrowser.storage.local).read();
    expect(read.ok && read.value.connections.map((c) => c.name)).toEqual(['kept']);
  });

  it('keeps every record when the vault key itself is unreadable, and the broken key in the quarantine', async () => {
    fakeBrowser.reset();
    const store = createVaultStore(fakeBrowser.storage.local);
    await store.change(add('kept', 1));
    await fakeBrowser.storage.local.set({ [VAULT_STORAGE_KEY]: 'garbage' });
    const read = await createVaultStore(fakeBrowser.storage.local).read();
    expect(read.ok && read.value.connections.map((c) => c.name)).toEqual(['kept']);
    expect(read.ok && read.value.quarantine.map((q) => q.raw)).toEqual(['"garbage"']);
  });

  it('with a passphrase, seals and writes only the changed record', async () => {
    fakeBrowser.reset();
    const keys = sessionKeys();
    const { spy, sets } = spying(fakeBrowser.storage.local);
    const store = createStore(spy, keys);
    const a = await store.change(add('a', 1));
    await store.change(add('b', 2));
    await store.change((state) => setPassphrase(state, 'correct horse', keys, 60_000));
    if (!a.ok) throw new Error();
    const sealed = await vaultItems();
    expect(JSON.stringify(sealed)).not.toContain(key(1));
    sets.length = 0;
    await store.change((state) => updateConnection(state, a.value.id, { key: key(3) }, ctx()));
    expect(sets).toEqual([[recordKey(a.value.id), REVISION_KEY]]);
    const after = await vaultItems();
    expect(JSON.stringify(after)).not.toContain(key(3));
    const others = (items: Record<string, unknown>) => Object.entries(items).filter(([k]) => k !== recordKey(a.value.id));
    expect(others(after)).toEqual(others(sealed));
  });
});

describe('a write cut short', () => {
  it('leaves the previous vault whole: every change is one storage write', async () => {
    fakeBrowser.reset();
    const area = fakeBrowser.storage.local;
    await createVaultStore(area).change(add('kept', 7));
    const before = await vaultItems();
    // A service worker stopped mid-change never gets its one `set` through.
    const dying: RemovableAreaLike = {
      get: (k) => area.get(k),
      set: () => Promise.reject(new Error('worker stopped')),
      remove: () => Promise.reject(new Error('worker stopped')),
    };
    await expect(createVaultStore(dying).change(add('lost', 8))).rejects.toThrow('worker stopped');
    expect(await vaultItems()).toEqual(before);
  });
});

describe('the kept copy of the vault', () => {
  it('is read from storage once, and again after someone else writes (a new revision)', async () => {
    fakeBrowser.reset();
    const area = fakeBrowser.storage.local;
    let fullReads = 0;
    const counting: RemovableAreaLike = { get: (k) => (k === null && fullReads++, area.get(k)), set: (i) => area.set(i), remove: (k) => area.remove(k) };
    const store = createVaultStore(counting);
    const mine = await store.change(add('mine', 1));
    if (!mine.ok) throw new Error();
    await store.read();
    await store.read();
    expect(fullReads).toBe(1);

    // A record changed without a new revision is not seen: the revision is what tells.
    await area.set({ [recordKey(mine.value.id)]: { ...mine.value, name: 'theirs' } });
    let read = await store.read();
    expect(read.ok && read.value.connections.map((c) => c.name)).toEqual(['mine']);
    await area.set({ [REVISION_KEY]: 'someone else' });
    read = await store.read();
    expect(read.ok && read.value.connections.map((c) => c.name)).toEqual(['theirs']);
    expect(fullReads).toBe(2);
  });
});
