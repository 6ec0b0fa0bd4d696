import { count, text, z } from '../schema/z';
import { KEY_MAX, NAME_MAX, NOTE_MAX, sourceSchema } from '../connections/schema';
import { kdfParamsSchema } from '../crypto/passphrase-key';
import { sealedSchema } from '../crypto/seal';

export const BACKUP_FORMAT = 'smartrecruiters-admin-helper/backup';
export const BACKUP_VERSION = 1;
/** Larger files are refused before they are parsed. */
export const BACKUP_MAX_BYTES = 5 * 1024 * 1024;
const MAX_CONNECTIONS = 5_000;

/** How keys travel in a backup: sealed with the export passphrase (default), left out, or in clear. */
export const keyModeSchema = z.enum(['sealed', 'none', 'plain']);
export type KeyMode = z.infer<typeof keyModeSchema>;

// Strict objects everywhere: an unexpected field (`__proto__` included) makes the file invalid
// rather than being carried into the vault.
const entryBase = {
  name: text(NAME_MAX * 2),
  url: text(2_000),
  note: z._default(text(NOTE_MAX * 2), ''),
  source: z._default(sourceSchema, 'imported'),
  createdAt: z.optional(count()),
};

/** Each entry is checked on its own (entrySchemas): one bad entry is skipped, not the file. */
const entries = z.array(z.unknown()).check(z.maxLength(MAX_CONNECTIONS));

export const backupSchema = z.discriminatedUnion('keys', [
  z.strictObject({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    exportedAt: text(40),
    keys: z.literal('sealed'),
    kdf: kdfParamsSchema,
    verifier: sealedSchema,
    connections: entries,
  }),
  z.strictObject({ format: z.literal(BACKUP_FORMAT), version: z.literal(BACKUP_VERSION), exportedAt: text(40), keys: z.literal('plain'), connections: entries }),
  z.strictObject({ format: z.literal(BACKUP_FORMAT), version: z.literal(BACKUP_VERSION), exportedAt: text(40), keys: z.literal('none'), connections: entries }),
]);

export const entrySchemas = {
  sealed: z.strictObject({ ...entryBase, key: sealedSchema }),
  plain: z.strictObject({ ...entryBase, key: text(KEY_MAX) }),
  none: z.strictObject(entryBase),
};

/** A file as written (write-backup.ts builds exactly this). */
type Head<K extends KeyMode> = Omit<Extract<z.infer<typeof backupSchema>, { keys: K }>, 'connections'>;
export type Backup = { [K in KeyMode]: Head<K> & { connections: Array<z.infer<(typeof entrySchemas)[K]>> } }[KeyMode];

/** One connection read from a backup, its key in clear where the backup had one. */
export interface BackupEntry {
  name: string;
  url: string;
  note: string;
  source: z.infer<typeof sourceSchema>;
  createdAt?: number;
  key?: string;
}

/** Why one entry of a readable file is left out; the rest can still be imported. */
export type EntryProblem = 'entry-malformed' | 'key-unreadable';

/** One entry as read: usable, or skipped with its reason (and its name, where it had one). */
export type ReadEntry = { ok: true; entry: BackupEntry } | { ok: false; name: string; problem: EntryProblem };
