import { describe, expect, it } from 'vitest';
import { findLookalike } from './lookalike-names';
import { cleanName, findByName, nameKey, sameNameIds } from './names';
import { normalizeName } from './validate-input';
import { addConnection } from '../vault/operations';
import { emptyVault } from '../vault/parse-vault';

const KEY = 'DCRA1-0123456789abcdef0123456789abcdef';

describe('connection names', () => {
  it('stores what was typed without invisible format characters', () => {
    expect(cleanName('  Prod\u200B ')).toBe('Prod');
    expect(cleanName('\u2066Prod\u2069')).toBe('Prod');
    expect(cleanName('\u202EdorP\u202C')).toBe('dorP');
    expect(cleanName('Pro\u00ADd\uFEFF')).toBe('Prod');
    // NFKC is for comparing, not storing: the full-width letters stay as typed.
    expect(normalizeName('ＰＲＯＤ')).toEqual({ ok: true, value: 'ＰＲＯＤ' });
    expect(normalizeName('\u200B\u200B')).toEqual({ ok: false, code: 'name-empty' });
  });

  it('treats names equal after NFKC, case and spacing as the same name', () => {
    expect(nameKey('ＰＲＯＤ')).toBe(nameKey('prod'));
    expect(nameKey('Prod\u200B')).toBe(nameKey('prod'));
    expect(nameKey('\u2066Prod\u2069')).toBe(nameKey(' PROD '));
    expect(findByName([{ name: 'Prod' }], 'pro\u200Dd')).toEqual({ name: 'Prod' });
    expect(nameKey('Pr\u043Ed')).not.toBe(nameKey('Prod'));
  });

  it('refuses the invisible variants of an existing name, and accepts a look-alike', () => {
    const ctx = { now: 1, newId: () => crypto.randomUUID() };
    const first = addConnection(emptyVault(), { name: 'Prod', url: 'https://api.smartrecruiters.com', key: KEY }, 'typed', ctx);
    if (!first.ok) throw new Error('not added');
    const state = first.value.state;
    for (const name of ['Prod\u200B', '\u2066Prod\u2069', 'ＰＲＯＤ']) {
      expect(addConnection(state, { name, url: 'https://api.smartrecruiters.com', key: KEY }, 'typed', ctx)).toEqual({
        ok: false,
        error: { code: 'invalid-input', fields: { name: 'name-taken' } },
      });
    }
    const lookalike = addConnection(state, { name: 'Pr\u043Ed', url: 'https://api.smartrecruiters.com', key: KEY }, 'typed', ctx);
    expect(lookalike.ok && lookalike.value.result.name).toBe('Pr\u043Ed');
  });

  it('finds a name that only looks like an existing one', () => {
    const items = [{ id: 'a', name: 'Prod' }, { id: 'b', name: 'Sandbox' }];
    expect(findLookalike(items, 'Pr\u043Ed')?.id).toBe('a');
    expect(findLookalike(items, 'S\u0430ndb\u043Ex')?.id).toBe('b');
    expect(findLookalike(items, 'prod')).toBeUndefined();
    expect(findLookalike(items, 'Staging')).toBeUndefined();
    expect(findLookalike(items, 'Pr\u043Ed', 'a')).toBeUndefined();
  });

  it('marks every connection of a vault that holds the same name twice, and keeps them all', () => {
    const ids = sameNameIds([
      { id: 'a', name: 'Prod' },
      { id: 'b', name: 'Prod\u200B' },
      { id: 'c', name: '\u2066PROD\u2069' },
      { id: 'd', name: 'Pr\u043Ed' },
    ]);
    expect([...ids].sort()).toEqual(['a', 'b', 'c']);
  });
});
