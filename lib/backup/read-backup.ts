import { deriveKey } from '../crypto/passphrase-key';
import { isRightKey, unseal } from '../crypto/seal';
import { BACKUP_FORMAT, BACKUP_MAX_BYTES, BACKUP_VERSION, type BackupEntry, backupSchema } from './backup-schema';

export type BackupProblem =
  | 'backup-too-large'
  | 'backup-malformed'
  | 'backup-unknown-version'
  | 'backup-needs-passphrase'
  | 'backup-wrong-passphrase';

export type ReadBackup = { ok: true; entries: BackupEntry[]; sealed: boolean } | { ok: false; problem: BackupProblem };

const byteLength = (text: string) => new TextEncoder().encode(text).byteLength;

/**
 * Reads a backup file whatever it holds: too large, truncated, hostile or wrongly encrypted
 * files come back as a problem, never as an exception or a partial result.
 */
export async function readBackup(text: string, passphrase: string): Promise<ReadBackup> {
  if (text.length > BACKUP_MAX_BYTES || byteLength(text) > BACKUP_MAX_BYTES) return { ok: false, problem: 'backup-too-large' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'backup-malformed' };
  }
  const parsed = backupSchema.safeParse(raw);
  if (!parsed.success) {
    const head = raw as { format?: unknown; version?: unknown } | null;
    const otherVersion = head?.format === BACKUP_FORMAT && head.version !== BACKUP_VERSION;
    return { ok: false, problem: otherVersion ? 'backup-unknown-version' : 'backup-malformed' };
  }
  const backup = parsed.data;
  if (backup.keys !== 'sealed') return { ok: true, entries: backup.connections, sealed: false };
  if (!passphrase) return { ok: false, problem: 'backup-needs-passphrase' };
  const key = await deriveKey(passphrase, backup.kdf);
  if (!(await isRightKey(key, backup.verifier))) return { ok: false, problem: 'backup-wrong-passphrase' };
  try {
    const entries = await Promise.all(backup.connections.map(async (c) => ({ ...c, key: await unseal(key, c.key) })));
    return { ok: true, entries, sealed: true };
  } catch {
    // The verifier opened but an entry did not: the file was altered after export.
    return { ok: false, problem: 'backup-malformed' };
  }
}
