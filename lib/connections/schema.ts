import { sealedSchema } from '../crypto/seal';
import { count, text, z } from '../schema/z';

import { KEY_MAX, NAME_MAX, NOTE_MAX } from './limits';

export { DEFAULT_API_URL, KEY_MAX, KEY_MIN, NAME_MAX, NOTE_MAX } from './limits';

export const sourceSchema = z.enum(['typed', 'captured', 'imported']);
export type ConnectionSource = z.infer<typeof sourceSchema>;

export const testCategorySchema = z.enum([
  'connected',
  'invalid-key',
  'access-denied',
  'rate-limited',
  'server-error',
  'unexpected',
  'timeout',
  'network',
]);
export type TestCategory = z.infer<typeof testCategorySchema>;

export const testResultSchema = z.object({
  at: count(),
  category: testCategorySchema,
  /** HTTP status, or null where no response arrived (timeout, network error). */
  status: z.nullable(z.int().check(z.gte(0), z.lte(999))),
  latencyMs: z.number().check(z.gte(0)),
  /** What was called, without the key: "GET https://host/configuration/company". */
  endpoint: text(2_100),
  company: z.optional(text(300)),
  /** The server's own explanation, or why the response was unexpected. */
  detail: z.optional(text(500)),
  /** When a rate-limited caller may try again, in ms since the epoch. */
  retryAt: z.optional(count()),
});
export type TestResult = z.infer<typeof testResultSchema>;

const plainKeySchema = z.object({ kind: z.literal('plain'), value: text(KEY_MAX, 1) });
/** Sealed with the vault's passphrase (AES-GCM); stays sealed in memory while the vault is locked. */
const sealedKeySchema = z.object({ kind: z.literal('sealed'), ...sealedSchema.shape });
export const storedKeySchema = z.discriminatedUnion('kind', [plainKeySchema, sealedKeySchema]);
export type StoredKey = z.infer<typeof storedKeySchema>;

/** The key in clear, or undefined while it is sealed. */
export const plainKeyOf = (stored: StoredKey): string | undefined => (stored.kind === 'plain' ? stored.value : undefined);

/** How the current key came to replace the previous one: shown beside Undo and when rotating again. */
export const keyReplacedSchema = z.object({
  at: count(),
  via: z.enum(['captured', 'typed', 'imported', 'undo', 'unknown']),
  /** Where a captured replacement was confirmed from: the portal origin it was captured on. */
  origin: z.optional(text(300)),
});
export type KeyReplaced = z.infer<typeof keyReplacedSchema>;

export const connectionSchema = z.object({
  id: text(64, 1),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(NAME_MAX)),
  url: z.url({ protocol: /^https$/ }).check(z.maxLength(2_000)),
  key: storedKeySchema,
  /** The key this one replaced, kept so that a rotation can be undone. */
  previousKey: z.optional(storedKeySchema),
  /** When and how `key` replaced `previousKey`; set with it since vault v3. */
  keyReplaced: z.optional(keyReplacedSchema),
  note: z._default(text(NOTE_MAX), ''),
  source: sourceSchema,
  createdAt: count(),
  updatedAt: count(),
  lastTest: z.optional(testResultSchema),
});
export type Connection = z.infer<typeof connectionSchema>;
