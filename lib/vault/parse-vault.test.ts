import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VAULT_VERSION, migrateVault } from './migrations';
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
    expect(goldens.map((g) => g.raw.version).sort((a, b) => a - b)).toEqual(Array.from({ length: VAULT_VERSION }, (_, i) => i + 1));
  });

  it('v6 gives each previous key the URL Undo keeps, and adds nothing else', () => {
    const v3 = goldens.find((g) => g.raw.version === 3)!.raw as unknown as { connections: Array<Record<string, unknown>> };
    const migrated = migrateVault(v3);
    if (migrated.kind !== 'ok') throw new Error(migrated.kind);
    const [first, second] = migrated.value.connections as Array<Record<string, unknown>>;
    expect(first).toEqual({ ...v3.connections[0], previousUrl: v3.connections[0]!.url, usedIn: [], lastTest: undefined });
    expect(second).toEqual({ ...v3.connections[1], usedIn: [], lastTest: undefined });
    const v6 = goldens.find((g) => g.raw.version === 6)!.raw;
    const parsed = parseVault(v6);
    expect(parsed.kind === 'ok' && parsed.state.connections[0]?.previousUrl).toBe('https://sr-proxy.acme.example/smartrecruiters');
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
    // previousUrl is v6's and usedIn v7's, tested on their own.
    // (v4 then moves lastTest out of the record; that step has its own test below.)
    expect({ ...rotated, keyReplaced: undefined, previousUrl: undefined, usedIn: undefined }).toEqual({ ...v2.connections[0], keyReplaced: undefined, lastTest: undefined });
  });
});

describe('migration 6 → 7: where a key was filled', () => {
  const v3 = goldens.find((g) => g.raw.version === 3)!.raw as unknown as { connections: Array<Record<string, unknown>> };

  it('gives each connection an empty Used in list and touches nothing else', () => {
    const parsed = parseVault(v3);
    if (parsed.kind !== 'ok') throw new Error(parsed.kind);
    expect(parsed.state.connections.map((c) => c.usedIn)).toEqual([[], []]);
    expect(parsed.state.connections.map((c) => ({ ...c, usedIn: undefined, previousUrl: undefined }))).toEqual(
      v3.connections.map((c) => ({ ...c, usedIn: undefined, previousUrl: undefined, lastTest: undefined })),
    );
  });
});

describe('migration 3 → 4: test results leave the vault', () => {
  const v3 = goldens.find((g) => g.raw.version === 3)!.raw as unknown as { connections: Array<Record<string, unknown>> };

  it('takes lastTest out of each record and carries it to the result store, losing nothing else', () => {
    const parsed = parseVault(v3);
    if (parsed.kind !== 'ok') throw new Error(parsed.kind);
    expect(parsed.dirty).toBe(true);
    for (const [i, connection] of parsed.state.connections.entries()) {
      expect(connection).not.toHaveProperty('lastTest');
      const { lastTest, ...rest } = v3.connections[i]!;
      expect({ ...connection, previousUrl: undefined, usedIn: undefined }).toEqual(rest);
      expect(parsed.carried?.[connection.id]).toEqual({
        last: lastTest,
        history: [expect.objectContaining({ at: (lastTest as { at: number }).at })],
      });
    }
  });

  it('drops a result that does not validate, and keeps its connection', () => {
    const broken = { ...v3, connections: [{ ...v3.connections[0], lastTest: { at: 'noon', category: 'maybe' } }, v3.connections[1]] };
    const parsed = parseVault(broken);
    if (parsed.kind !== 'ok') throw new Error(parsed.kind);
    expect(parsed.state.quarantine).toEqual([]);
    expect(parsed.state.connections).toHaveLength(2);
    expect(Object.keys(parsed.carried ?? {})).toEqual([v3.connections[1]!.id]);
  });
});
