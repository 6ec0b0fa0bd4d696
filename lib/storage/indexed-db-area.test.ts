import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openIndexedDbArea } from './indexed-db-area';
import type { AreaChange } from './storage-area';

const NAME = { database: 'test', store: 'items', version: 1 };

function area() {
  const factory = new IDBFactory();
  const changes: Array<Record<string, AreaChange>> = [];
  const opened = openIndexedDbArea(NAME, factory);
  opened.onChanged((change) => void changes.push(change));
  return { area: opened, changes, factory };
}

describe('openIndexedDbArea', () => {
  it('gets one key, several or everything, and leaves absent keys out', async () => {
    const { area: a } = area();
    await a.set({ one: 1, two: { nested: ['x'] }, three: null });
    expect(await a.get('one')).toEqual({ one: 1 });
    expect(await a.get(['two', 'missing'])).toEqual({ two: { nested: ['x'] } });
    expect(await a.get(null)).toEqual({ one: 1, two: { nested: ['x'] }, three: null });
  });

  it('reports each committed write with the old and new values, a removal as undefined', async () => {
    const { area: a, changes } = area();
    await a.set({ k: 'first' });
    await a.set({ k: 'second', other: 2 }, { strict: true });
    await a.remove(['k']);
    expect(changes).toEqual([
      { k: { oldValue: undefined, newValue: 'first' } },
      { k: { oldValue: 'first', newValue: 'second' }, other: { oldValue: undefined, newValue: 2 } },
      { k: { oldValue: 'second', newValue: undefined } },
    ]);
    expect(await a.get(null)).toEqual({ other: 2 });
  });

  it('stops reporting to a listener once it is stopped', async () => {
    const { area: a } = area();
    const seen: unknown[] = [];
    const stop = a.onChanged((change) => void seen.push(change));
    await a.set({ k: 1 });
    stop();
    await a.set({ k: 2 });
    expect(seen).toEqual([{ k: { oldValue: undefined, newValue: 1 } }]);
  });

  it('writes all or nothing: a value that cannot be stored leaves every key as it was', async () => {
    const { area: a, changes } = area();
    await a.set({ kept: 'old' });
    await expect(a.set({ kept: 'new', broken: () => undefined })).rejects.toThrow();
    expect(await a.get(null)).toEqual({ kept: 'old' });
    expect(changes).toHaveLength(1);
  });

  it('reports a committed write as done even when a listener fails, and tells the others', async () => {
    const { area: a, changes } = area();
    a.onChanged(() => {
      throw new Error('listener broke');
    });
    const after: unknown[] = [];
    a.onChanged((change) => void after.push(change));
    await expect(a.set({ k: 1 })).resolves.toBeUndefined();
    expect(changes).toHaveLength(1);
    expect(after).toHaveLength(1);
  });

  it('keeps what it wrote for the next opening of the same database', async () => {
    const { area: a, factory } = area();
    await a.set({ vault: { version: 8 } });
    expect(await openIndexedDbArea(NAME, factory).get(null)).toEqual({ vault: { version: 8 } });
  });
});
