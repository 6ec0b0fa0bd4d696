import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VAULT_VERSION } from './migrations';
import { parseVault, serializeVault } from './parse-vault';
import { SPLIT_FROM, assembleVault } from './vault-layout';

const goldenDir = join(__dirname, '../../tests/golden');
/**
 * Each golden as the logical vault parseVault reads: up to v4 the file is the one stored object,
 * from v5 on it is every storage key the vault uses (vault-layout.ts).
 */
const goldens = readdirSync(goldenDir)
  .filter((f) => /^vault-v\d+\.json$/.test(f))
  .map((file) => {
    const stored = JSON.parse(readFileSync(join(goldenDir, file), 'utf8')) as Record<string, unknown>;
    return { file, raw: ('vault' in stored ? assembleVault(stored) : stored) as { version: number } };
  });

describe('golden examples of every shipped vault version', () => {
  it('has one for each version up to today', () => {
    // v4 comes with the result-history branch (issue 10), golden included, when the two are merged.
    const expected = Array.from({ length: VAULT_VERSION }, (_, i) => i + 1).filter((v) => v !== 4);
    expect(goldens.map((g) => g.raw.version).sort()).toEqual(expected);
  });

  it(`stores v${SPLIT_FROM} and later as one key per connection`, () => {
    const file = readFileSync(join(goldenDir, `vault-v${SPLIT_FROM}.json`), 'utf8');
    const keys = Object.keys(JSON.parse(file) as object);
    expect(keys.filter((k) => k.startsWith('vault.c.'))).toHaveLength(2);
    expect(keys).toContain('vault');
  });

  it.each(goldens)('$file migrates to today with every record intact', ({ raw }) => {
    const parsed = parseVault(raw);
    if (parsed.kind !== 'ok') throw new Error(parsed.kind);
    expect(parsed.state.quarantine).toEqual([]);
    expect(parsed.state.connections.map((c) => c.name)).toEqual(['ServiceNow production', 'Sandbox']);
    // Today's form reads back unchanged: the migration is complete, not partial.
    const again = parseVault(JSON.parse(JSON.stringify(serializeVault(parsed.state))));
    expect(again).toEqual({ kind: 'ok', state: parsed.state, dirty: false });
  });
});

describe('parseVault', () => {
  const golden = goldens.find((g) => g.raw.version === VAULT_VERSION)!.raw as unknown as {
    connections: Array<Record<string, unknown>>;
  };

  it('reads nothing stored as an empty vault', () => {
    expect(parseVault(undefined)).toEqual({ kind: 'ok', state: { connections: [], quarantine: [] }, dirty: false });
  });

  it('quarantines a corrupt record and keeps the rest', () => {
    const corrupt = { ...golden.connections[0], url: 'http://insecure' };
    const parsed = parseVault({ ...golden, connections: [corrupt, golden.connections[1]] }, 42);
    if (parsed.kind !== 'ok') throw new Error();
    expect(parsed.dirty).toBe(true);
    expect(parsed.state.connections.map((c) => c.name)).toEqual(['Sandbox']);
    expect(parsed.state.quarantine).toHaveLength(1);
    expect(JSON.parse(parsed.state.quarantine[0]!.raw)).toEqual(corrupt);
    expect(parsed.state.quarantine[0]!.reason).toMatch(/url/);
  });

  it('quarantines a second record with the same id', () => {
    const parsed = parseVault({ ...golden, connections: [golden.connections[0], golden.connections[0]] });
    expect(parsed.kind === 'ok' && parsed.state.quarantine[0]?.reason).toBe('duplicate id');
  });

  it('keeps an unreadable vault whole in the quarantine', () => {
    for (const raw of ['garbage', [1, 2], { connections: [] }, { version: 1, connections: 'x' }]) {
      const parsed = parseVault(raw, 7);
      if (parsed.kind !== 'ok') throw new Error();
      expect(parsed.state.connections).toEqual([]);
      expect(parsed.state.quarantine).toEqual([{ raw: JSON.stringify(raw), reason: expect.any(String), at: 7 }]);
    }
  });

  it('refuses to touch a vault from a newer version', () => {
    expect(parseVault({ version: VAULT_VERSION + 1, connections: [] })).toEqual({
      kind: 'newer',
      version: VAULT_VERSION + 1,
    });
  });
});

describe('the v2 golden example (passphrase set)', () => {
  it('opens with the passphrase it was sealed with', async () => {
    const { checkPassphrase } = await import('./passphrase');
    const { unsealKeys } = await import('./vault-lock');
    const parsed = parseVault(goldens.find((g) => g.raw.version === 2)!.raw);
    if (parsed.kind !== 'ok' || !parsed.state.lock) throw new Error('no lock');
    expect(await checkPassphrase(parsed.state.lock, 'wrong passphrase')).toBeUndefined();
    const key = await checkPassphrase(parsed.state.lock, 'golden passphrase');
    const open = await unsealKeys(parsed.state.connections, key!);
    expect(open[0]!.key).toEqual({ kind: 'plain', value: 'DCRA1-0123456789abcdef0123456789abcdef' });
    expect(open[0]!.previousKey).toEqual({ kind: 'plain', value: 'DCRA1-fedcba9876543210fedcba9876543210' });
  });
});

describe('migration 2 → 3: when and how a previous key was replaced', () => {
  const v2 = goldens.find((g) => g.raw.version === 2)!.raw as unknown as { connections: Array<Record<string, unknown>> };

  it('dates a v2 previous key by its connection\'s last update, the way unknown, and touches nothing else', () => {
    const parsed = parseVault(v2);
    if (parsed.kind !== 'ok') throw new Error(parsed.kind);
    const [rotated, plain] = parsed.state.connections;
    expect(rotated!.keyReplaced).toEqual({ at: v2.connections[0]!.updatedAt, via: 'unknown' });
    expect(plain!.keyReplaced).toBeUndefined();
    expect({ ...rotated, keyReplaced: undefined }).toEqual({ ...v2.connections[0], keyReplaced: undefined });
  });
});
