import { describe, expect, it } from 'vitest';
import {
  recordFill,
  addConnection,
  findConnectionByKey,
  forgetOldPreviousKeys,
  forgetPreviousKey,
  removeConnection,
  restoreConnection,
  stillTested,
  swapPreviousKey,
  updateConnection,
} from './operations';
import { type VaultState, emptyVault } from './parse-vault';

const KEY_A = 'DCRA1-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const KEY_B = 'DCRA1-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
let ids = 0;
const ctx = { now: 1_000, newId: () => `id-${++ids}` };
const input = { name: 'ServiceNow', url: 'https://api.smartrecruiters.com/', key: KEY_A };

function withOne(): VaultState {
  const added = addConnection(emptyVault(), input, 'typed', ctx);
  if (!added.ok) throw new Error('setup failed');
  return added.value.state;
}

describe('addConnection', () => {
  it('stores a normalised connection', () => {
    const state = withOne();
    expect(state.connections).toHaveLength(1);
    expect(state.connections[0]).toMatchObject({
      name: 'ServiceNow',
      url: 'https://api.smartrecruiters.com',
      key: { kind: 'plain', value: KEY_A },
      source: 'typed',
      createdAt: 1_000,
    });
  });
  it('refuses a name that differs only in case and spaces', () => {
    const outcome = addConnection(withOne(), { ...input, name: '  servicenow ', key: KEY_B }, 'typed', ctx);
    expect(outcome).toEqual({ ok: false, error: { code: 'invalid-input', fields: { name: 'name-taken' } } });
  });
  it('refuses bad input without changing anything', () => {
    const state = withOne();
    const outcome = addConnection(state, { name: 'Other', url: 'http://x', key: KEY_B }, 'typed', ctx);
    expect(outcome.ok).toBe(false);
    expect(state.connections).toHaveLength(1);
  });
});

describe('updateConnection', () => {
  it('renames, and refuses a name another connection has', () => {
    let state = withOne();
    const second = addConnection(state, { ...input, name: 'Other', key: KEY_B }, 'typed', ctx);
    if (!second.ok) throw new Error();
    state = second.value.state;
    const id = state.connections[0]!.id;
    expect(updateConnection(state, id, { name: 'OTHER' }, ctx)).toMatchObject({
      ok: false,
      error: { fields: { name: 'name-taken' } },
    });
    const renamed = updateConnection(state, id, { name: 'servicenow' }, ctx);
    expect(renamed.ok && renamed.value.result.name).toBe('servicenow');
  });
  it('keeps the replaced key', () => {
    const state = withOne();
    const id = state.connections[0]!.id;
    const rotated = updateConnection(state, id, { key: KEY_B }, ctx);
    if (!rotated.ok) throw new Error();
    expect(rotated.value.result.key).toEqual({ kind: 'plain', value: KEY_B });
    expect(rotated.value.result.previousKey).toEqual({ kind: 'plain', value: KEY_A });
  });
  it('stores what the connection is for', () => {
    const state = withOne();
    const purpose = { preset: 'read-jobs' as const, areas: ['jobs' as const] };
    const updated = updateConnection(state, state.connections[0]!.id, { purpose }, ctx);
    expect(updated.ok && updated.value.result.purpose).toEqual(purpose);
  });
  it('reports a connection that is gone', () => {
    expect(updateConnection(emptyVault(), 'nope', { name: 'x' }, ctx)).toEqual({ ok: false, error: { code: 'not-found' } });
  });
});

describe('remove and restore', () => {
  it('puts a removed connection back at its place', () => {
    let state = withOne();
    const second = addConnection(state, { ...input, name: 'Second', key: KEY_B }, 'typed', ctx);
    if (!second.ok) throw new Error();
    state = second.value.state;
    const first = state.connections[0]!;
    const removed = removeConnection(state, first.id);
    if (!removed.ok) throw new Error();
    expect(removed.value.state.connections.map((c) => c.name)).toEqual(['Second']);
    const restored = restoreConnection(removed.value.state, first, 0);
    expect(restored.ok && restored.value.state.connections.map((c) => c.name)).toEqual(['ServiceNow', 'Second']);
  });
  it('does not restore over a connection that took the name meanwhile', () => {
    const state = withOne();
    const first = state.connections[0]!;
    const removed = removeConnection(state, first.id);
    if (!removed.ok) throw new Error();
    const retaken = addConnection(removed.value.state, { ...input, key: KEY_B }, 'typed', ctx);
    if (!retaken.ok) throw new Error();
    expect(restoreConnection(retaken.value.state, first)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('swapPreviousKey', () => {
  it('undoes a rotation, and can redo it', () => {
    const state = withOne();
    const id = state.connections[0]!.id;
    const rotated = updateConnection(state, id, { key: KEY_B }, ctx);
    if (!rotated.ok) throw new Error();
    const undone = swapPreviousKey(rotated.value.state, id, ctx);
    if (!undone.ok) throw new Error();
    expect(undone.value.result.key).toEqual({ kind: 'plain', value: KEY_A });
    expect(undone.value.result.previousKey).toEqual({ kind: 'plain', value: KEY_B });
    expect(swapPreviousKey(state, id, ctx)).toEqual({ ok: false, error: { code: 'no-previous-key' } });
  });
});

describe('stillTested', () => {
  it('refuses a result whose key or URL changed while the test ran', () => {
    const state = withOne();
    const id = state.connections[0]!.id;
    const url = 'https://api.smartrecruiters.com';
    expect(stillTested(state, id, { key: KEY_A, url })).toBe(true);
    expect(stillTested(state, id, { key: KEY_B, url })).toBe(false);
    expect(stillTested(state, id, { key: KEY_A, url: 'https://api.sandbox.smartrecruiters.com' })).toBe(false);
    expect(stillTested(state, 'gone', { key: KEY_A, url })).toBe(false);
  });
});

describe('findConnectionByKey', () => {
  it('finds current and previous keys', () => {
    const state = withOne();
    const rotated = updateConnection(state, state.connections[0]!.id, { key: KEY_B }, ctx);
    if (!rotated.ok) throw new Error();
    expect(findConnectionByKey(rotated.value.state, KEY_A)?.name).toBe('ServiceNow');
    expect(findConnectionByKey(rotated.value.state, KEY_B)?.name).toBe('ServiceNow');
    expect(findConnectionByKey(state, KEY_B)).toBeUndefined();
  });
});

describe('recordFill', () => {
  it('keeps one entry per instance, newest first, and survives a rotation', () => {
    let state = withOne();
    const id = state.connections[0]!.id;
    for (const [host, now] of [['acme.service-now.com', 10], ['dev1.service-now.com', 20], ['acme.service-now.com', 30]] as const) {
      const filled = recordFill(state, id, host, { now });
      if (!filled.ok) throw new Error();
      state = filled.value.state;
    }
    expect(state.connections[0]!.usedIn).toEqual([
      { host: 'acme.service-now.com', at: 30 },
      { host: 'dev1.service-now.com', at: 20 },
    ]);
    const rotated = updateConnection(state, id, { key: KEY_B }, ctx);
    if (!rotated.ok) throw new Error();
    expect(rotated.value.result.usedIn).toHaveLength(2);
    expect(recordFill(state, 'nope', 'acme.service-now.com', { now: 1 }).ok).toBe(false);
  });
});

describe('previous keys', () => {
  const rotated = (): VaultState => {
    const moved = updateConnection(withOne(), 'id-' + ids, { url: 'https://proxy.example.com/sr', key: KEY_B }, { ...ctx, now: 5_000 }, { via: 'imported' });
    if (!moved.ok) throw new Error('setup failed');
    return moved.value.state;
  };

  it('keep the URL that went with the old key, and Undo brings both back (and Redo both forward)', () => {
    const state = rotated();
    const [c] = state.connections;
    expect(c).toMatchObject({ url: 'https://proxy.example.com/sr', previousUrl: 'https://api.smartrecruiters.com', previousKey: { value: KEY_A } });
    const undone = swapPreviousKey(state, c!.id, ctx);
    if (!undone.ok) throw new Error();
    expect(undone.value.result).toMatchObject({ url: 'https://api.smartrecruiters.com', key: { value: KEY_A }, previousUrl: 'https://proxy.example.com/sr' });
    const redone = swapPreviousKey(undone.value.state, c!.id, ctx);
    expect(redone.ok && redone.value.result).toMatchObject({ url: 'https://proxy.example.com/sr', key: { value: KEY_B } });
  });

  it('are forgotten on request, key and URL together', () => {
    const state = rotated();
    const id = state.connections[0]!.id;
    const forgotten = forgetPreviousKey(state, id, ctx);
    if (!forgotten.ok) throw new Error();
    expect(forgotten.value.result.previousKey).toBeUndefined();
    expect(forgotten.value.result.previousUrl).toBeUndefined();
    expect(forgotten.value.result.key).toEqual({ kind: 'plain', value: KEY_B });
    expect(forgetPreviousKey(forgotten.value.state, id, ctx)).toEqual({ ok: false, error: { code: 'no-previous-key' } });
  });

  it('are forgotten once replaced before the retention limit, and kept after it', () => {
    const state = rotated();
    expect(forgetOldPreviousKeys(state, 5_000, 9_000)).toEqual({ ok: true, value: { state, result: 0 } });
    const old = forgetOldPreviousKeys(state, 5_001, 9_000);
    if (!old.ok) throw new Error();
    expect(old.value.result).toBe(1);
    expect(old.value.state.connections[0]).not.toHaveProperty('previousKey');
    expect(old.value.state.connections[0]!.updatedAt).toBe(9_000);
  });
});
