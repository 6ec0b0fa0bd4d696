import { deriveKey } from '../crypto/passphrase-key';
import { isRightKey, unseal } from '../crypto/seal';
import { NAME_MAX } from '../connections/schema';
import {
  BACKUP_FORMAT,
  BACKUP_MAX_BYTES,
  BACKUP_VERSION,
  type BackupEntry,
  type EntryProblem,
  type ReadEntry,
  backupSchema,
  entrySchemas,
} from './backup-schema';

export type BackupProblem =
  | 'backup-too-large'
  | 'backup-malformed'
  | 'backup-unknown-version'
  | 'backup-needs-passphrase'
  | 'backup-wrong-passphrase';

export type ReadBackup = { ok: true; entries: ReadEntry[]; sealed: boolean } | { ok: false; problem: BackupProblem };

const byteLength = (text: string) => new TextEncoder().encode(text).byteLength;

/** What a skipped entry is called in the preview: its name if it has a readable one. */
function nameOf(raw: unknown): string {
  const name = typeof raw === 'object' && raw !== null ? (raw as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? name.slice(0, NAME_MAX * 2) : '';
}

const skipped = (raw: unknown, problem: EntryProblem): ReadEntry => ({ ok: false, name: nameOf(raw), problem });

/**
 * Reads a backup file whatever it holds. A file that is too large, not JSON, not a backup, of
 * another version or wrongly encrypted comes back as a problem, whole; within a readable file,
 * each entry that is malformed (wrong types, unexpected fields, huge strings) or whose key does
 * not open is skipped with its reason. Never an exception or a partial entry.
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
  if (backup.keys !== 'sealed') {
    const schema = entrySchemas[backup.keys];
    const entries = backup.connections.map((rawEntry): ReadEntry => {
      const entry = schema.safeParse(rawEntry);
      return entry.success ? { ok: true, entry: entry.data as BackupEntry } : skipped(rawEntry, 'entry-malformed');
    });
    return { ok: true, entries, sealed: false };
  }
  if (!passphrase) return { ok: false, problem: 'backup-needs-passphrase' };
  const key = await deriveKey(passphrase, backup.kdf);
  if (!(await isRightKey(key, backup.verifier))) return { ok: false, problem: 'backup-wrong-passphrase' };
  const entries = await Promise.all(
    backup.connections.map(async (rawEntry): Promise<ReadEntry> => {
      const entry = entrySchemas.sealed.safeParse(rawEntry);
      if (!entry.success) return skipped(rawEntry, 'entry-malformed');
      try {
        return { ok: true, entry: { ...entry.data, key: await unseal(key, entry.data.key) } };
      } catch {
        // The verifier opened but this key did not: the entry was altered after export.
        return skipped(rawEntry, 'key-unreadable');
      }
    }),
  );
  return { ok: true, entries, sealed: true };
}
