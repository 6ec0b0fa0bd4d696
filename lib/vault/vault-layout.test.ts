import { describe, expect, it } from 'vitest';
import type { Connection } from '../connections/schema';
import type { VaultState } from './parse-vault';
import { VAULT_STORAGE_KEY, changedItems, recordKey } from './vault-layout';

const record = (id: string, note = ''): Connection => ({
  id, name: id, url: 'https://api.smartrecruiters.com', key: { kind: 'plain', value: 'k' }, note, source: 'typed', createdAt: 1, updatedAt: 1, usedIn: [],
});
const stateOf = (connections: Connection[], quarantine: VaultState['quarantine'] = []): VaultState => ({ connections, quarantine });
const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => record(id)) as [Connection, Connection, Connection, Connection];
const before = stateOf([a, b, c]);

describe('what a change writes', () => {
  it('only the records it touched, wherever they are in the list', () => {
    const b2 = record('b', 'edited');
    expect(changedItems(stateOf([a, b2, c], before.quarantine), before)).toEqual({ [recordKey('b')]: b2 });
    expect(changedItems(stateOf([a, b, c, d], before.quarantine), before)).toEqual({ [recordKey('d')]: d });
    expect(changedItems(stateOf([a, c], before.quarantine), before)).toEqual({ [recordKey('b')]: null });
    expect(changedItems(stateOf([a, d, b, c], before.quarantine), before)).toEqual({ [recordKey('d')]: d });
    expect(changedItems(stateOf([c, a, b], before.quarantine), before)).toEqual({});
    expect(changedItems(stateOf([b2], before.quarantine), before)).toEqual({ [recordKey('a')]: null, [recordKey('b')]: b2, [recordKey('c')]: null });
  });

  it('the vault key when the quarantine changes', () => {
    const quarantine = [{ raw: '{}', reason: 'bad', at: 1 }];
    expect(Object.keys(changedItems(stateOf([a, b, c], quarantine), before))).toEqual([VAULT_STORAGE_KEY]);
  });
});
