import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BACKUP_FORMAT, BACKUP_MAX_BYTES } from '../backup/backup-schema';
import { createTestBackground, storedVaultText } from './test-background';
import { isVaultKey } from '../vault/vault-layout';

const KEY_A = 'DCRA1-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const KEY_B = 'DCRA1-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const PAGE = {};
const api = 'https://api.smartrecruiters.com';
const vaultText = storedVaultText;

async function backgroundWith(...connections: Array<{ name: string; key: string }>) {
  const bg = createTestBackground();
  for (const c of connections) await bg.handlers.addConnection({ ...c, url: api }, PAGE);
  return bg;
}

describe('export', () => {
  it('encrypts keys with the export passphrase by default', async () => {
    const { handlers } = await backgroundWith({ name: 'A', key: KEY_A });
    const exported = await handlers.exportBackup({ mode: 'sealed', passphrase: 'export pass' }, PAGE);
    if (!exported.ok) throw new Error();
    expect(exported.value.text).not.toContain(KEY_A);
    expect(exported.value.fileName).toMatch(/^smartrecruiters-connections-\d{4}-\d\d-\d\d\.json$/);
    expect(await handlers.exportBackup({ mode: 'sealed', passphrase: '' }, PAGE)).toMatchObject({ ok: false });
  });

  it('leaves keys out, or puts them in clear only when asked', async () => {
    const { handlers } = await backgroundWith({ name: 'A', key: KEY_A });
    const none = await handlers.exportBackup({ mode: 'none', passphrase: '' }, PAGE);
    expect(none.ok && none.value.text).not.toContain(KEY_A);
    const plain = await handlers.exportBackup({ mode: 'plain', passphrase: '' }, PAGE);
    expect(plain.ok && plain.value.text).toContain(KEY_A);
  });
});

describe('import', () => {
  it('previews new, same and conflicting names, then applies all at once', async () => {
    const source = await backgroundWith({ name: 'A', key: KEY_A }, { name: 'B', key: KEY_B });
    const exported = await source.handlers.exportBackup({ mode: 'sealed', passphrase: 'export pass' }, PAGE);
    if (!exported.ok) throw new Error();

    const { handlers } = await backgroundWith({ name: 'a', key: KEY_A }, { name: 'b', key: KEY_A });
    await handlers.addConnection({ name: 'Mine', key: 'DCRA1-cccccccccccccccccccccccccccccccc', url: api }, PAGE);
    const text = exported.value.text;
    expect(await handlers.previewImport({ text, passphrase: 'wrong pass' }, PAGE)).toEqual({
      ok: false,
      error: { code: 'backup-wrong-passphrase' },
    });
    expect(await handlers.previewImport({ text, passphrase: '' }, PAGE)).toMatchObject({
      ok: false,
      error: { code: 'backup-needs-passphrase' },
    });
    expect(await handlers.previewImport({ text, passphrase: 'export pass' }, PAGE)).toEqual({
      ok: true,
      value: {
        items: [
          { name: 'A', status: 'same' },
          { name: 'B', status: 'conflict', change: { urlFrom: api, urlTo: api, keyChanged: true } },
        ],
      },
    });
    const applied = await handlers.applyImport({ text, passphrase: 'export pass', conflicts: 'replace' }, PAGE);
    expect(applied).toEqual({ ok: true, value: { added: 0, replaced: 1, skipped: 0 } });
    const b = await handlers.revealKey({ id: 'id-2' }, PAGE);
    expect(b).toEqual({ ok: true, value: { key: KEY_B } });
  });

  it('adds new connections as imported', async () => {
    const source = await backgroundWith({ name: 'A', key: KEY_A });
    const exported = await source.handlers.exportBackup({ mode: 'plain', passphrase: '' }, PAGE);
    if (!exported.ok) throw new Error();
    const { handlers } = createTestBackground();
    expect(await handlers.applyImport({ text: exported.value.text, passphrase: '', conflicts: 'skip' }, PAGE)).toEqual({
      ok: true,
      value: { added: 1, replaced: 0, skipped: 0 },
    });
    expect(await vaultText()).toContain('"source":"imported"');
  });

  const valid = { format: BACKUP_FORMAT, version: 1, exportedAt: '2026-01-01T00:00:00.000Z', keys: 'plain' };
  const entry = { name: 'A', url: api, note: '', key: KEY_A };
  it.each([
    ['truncated JSON', '{"format":', 'backup-malformed'],
    ['not JSON at all', 'hello', 'backup-malformed'],
    ['an unknown version', JSON.stringify({ ...valid, version: 9, connections: [] }), 'backup-unknown-version'],
    ['prototype pollution', `{"__proto__":{"polluted":1},${JSON.stringify({ ...valid, connections: [entry] }).slice(1)}`, 'backup-malformed'],
    ['connections that are not a list', JSON.stringify({ ...valid, connections: { 0: entry } }), 'backup-malformed'],
    ['an oversized file', ' '.repeat(BACKUP_MAX_BYTES + 1), 'backup-too-large'],
  ])('refuses %s and changes nothing', async (_, text, code) => {
    const { handlers } = await backgroundWith({ name: 'Kept', key: KEY_B });
    const before = await vaultText();
    expect(await handlers.previewImport({ text, passphrase: '' }, PAGE)).toEqual({ ok: false, error: { code } });
    expect(await handlers.applyImport({ text, passphrase: '', conflicts: 'replace' }, PAGE)).toEqual({ ok: false, error: { code } });
    expect(await vaultText()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('skips the entries it cannot use, says why, and imports the valid ones in one write', async () => {
    const text = JSON.stringify({
      ...valid,
      connections: [
        entry,
        { ...entry, name: 'B', url: 'http://insecure' },
        { ...entry, name: 'C', constructor: { prototype: { x: 1 } } },
        { ...entry, name: 42 },
        { ...entry, name: 'E', note: 'x'.repeat(100_000) },
        { ...entry, name: 'a\u200B' },
        { ...entry, name: 'F', key: KEY_B },
      ],
    });
    const { handlers } = createTestBackground();
    expect(await handlers.previewImport({ text, passphrase: '' }, PAGE)).toEqual({
      ok: true,
      value: {
        items: [
          { name: 'A', status: 'new' },
          { name: 'B', status: 'skipped', reason: 'url-not-https' },
          { name: 'C', status: 'skipped', reason: 'entry-malformed' },
          { name: '', status: 'skipped', reason: 'entry-malformed' },
          { name: 'E', status: 'skipped', reason: 'entry-malformed' },
          { name: 'a', status: 'skipped', reason: 'repeated-in-file' },
          { name: 'F', status: 'new' },
        ],
      },
    });
    let writes = 0;
    fakeBrowser.storage.onChanged.addListener((changes) => void (Object.keys(changes).some(isVaultKey) && writes++));
    expect(await handlers.applyImport({ text, passphrase: '', conflicts: 'skip' }, PAGE)).toEqual({
      ok: true,
      value: { added: 2, replaced: 0, skipped: 5 },
    });
    expect(writes).toBe(1);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('shows what a replace changes, and Undo brings back the old key with its old URL', async () => {
    const { handlers } = await backgroundWith({ name: 'A', key: KEY_A });
    const text = JSON.stringify({ ...valid, connections: [{ ...entry, url: 'https://proxy.example.com/sr', key: KEY_B }] });
    expect(await handlers.previewImport({ text, passphrase: '' }, PAGE)).toMatchObject({
      value: { items: [{ name: 'A', status: 'conflict', change: { urlFrom: api, urlTo: 'https://proxy.example.com/sr', keyChanged: true } }] },
    });
    await handlers.applyImport({ text, passphrase: '', conflicts: 'replace' }, PAGE);
    const undone = await handlers.swapPreviousKey({ id: 'id-1' }, PAGE);
    expect(undone).toMatchObject({ ok: true, value: { url: api, previousUrl: 'https://proxy.example.com/sr' } });
    expect(await handlers.revealKey({ id: 'id-1' }, PAGE)).toEqual({ ok: true, value: { key: KEY_A } });
  });

  it('skips an entry whose key was altered after export, and refuses a wrong passphrase whole', async () => {
    const source = await backgroundWith({ name: 'A', key: KEY_A }, { name: 'B', key: KEY_B });
    const exported = await source.handlers.exportBackup({ mode: 'sealed', passphrase: 'export pass' }, PAGE);
    if (!exported.ok) throw new Error();
    const file = JSON.parse(exported.value.text) as { connections: Array<{ key: { ct: string } }> };
    file.connections[1]!.key.ct = file.connections[0]!.key.ct.slice(0, -4) + 'AAAA';
    const { handlers } = createTestBackground();
    const text = JSON.stringify(file);
    expect(await handlers.previewImport({ text, passphrase: 'export pass' }, PAGE)).toEqual({
      ok: true,
      value: { items: [{ name: 'A', status: 'new' }, { name: 'B', status: 'skipped', reason: 'key-unreadable' }] },
    });
    expect(await handlers.previewImport({ text, passphrase: 'not the one' }, PAGE)).toEqual({ ok: false, error: { code: 'backup-wrong-passphrase' } });
  });
});
