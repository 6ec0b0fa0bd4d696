import { type Connection, plainKeyOf } from '../connections/schema';
import { deriveKey, newKdfParams } from '../crypto/passphrase-key';
import { VERIFIER_TEXT, seal } from '../crypto/seal';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, type KeyMode } from './backup-schema';

const entry = (c: Connection) => ({ name: c.name, url: c.url, note: c.note, source: c.source, createdAt: c.createdAt });

/** The caller checks the vault is unlocked before asking for keys; a sealed key here is a bug. */
function keyOf(connection: Connection): string {
  const key = plainKeyOf(connection.key);
  if (key === undefined) throw new Error('the vault is locked');
  return key;
}

export async function writeBackup(
  connections: Connection[],
  mode: KeyMode,
  passphrase: string,
  exportedAt: Date,
): Promise<string> {
  const head = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: exportedAt.toISOString() } as const;
  let backup: Backup;
  if (mode === 'sealed') {
    const kdf = newKdfParams();
    const key = await deriveKey(passphrase, kdf);
    backup = {
      ...head,
      keys: 'sealed',
      kdf,
      verifier: await seal(key, VERIFIER_TEXT),
      connections: await Promise.all(connections.map(async (c) => ({ ...entry(c), key: await seal(key, keyOf(c)) }))),
    };
  } else if (mode === 'plain') {
    backup = { ...head, keys: 'plain', connections: connections.map((c) => ({ ...entry(c), key: keyOf(c) })) };
  } else {
    backup = { ...head, keys: 'none', connections: connections.map(entry) };
  }
  return JSON.stringify(backup, null, 2);
}

export const backupFileName = (exportedAt: Date) =>
  `smartrecruiters-connections-${exportedAt.toISOString().slice(0, 10)}.json`;
