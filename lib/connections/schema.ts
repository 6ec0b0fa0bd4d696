import { z } from 'zod';
import { sealedSchema } from '../crypto/seal';

export const DEFAULT_API_URL = 'https://api.smartrecruiters.com';
export const NAME_MAX = 80;
export const NOTE_MAX = 500;
export const KEY_MIN = 20;
export const KEY_MAX = 200;

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
  at: z.number().int().nonnegative(),
  category: testCategorySchema,
  /** HTTP status, or null where no response arrived (timeout, network error). */
  status: z.number().int().min(0).max(999).nullable(),
  latencyMs: z.number().nonnegative(),
  /** What was called, without the key: "GET https://host/configuration/company". */
  endpoint: z.string().max(2_100),
  company: z.string().max(300).optional(),
  /** The server's own explanation, or why the response was unexpected. */
  detail: z.string().max(500).optional(),
  /** When a rate-limited caller may try again, in ms since the epoch. */
  retryAt: z.number().int().nonnegative().optional(),
});
export type TestResult = z.infer<typeof testResultSchema>;

const plainKeySchema = z.object({ kind: z.literal('plain'), value: z.string().min(1).max(KEY_MAX) });
/** Sealed with the vault's passphrase (AES-GCM); stays sealed in memory while the vault is locked. */
const sealedKeySchema = z.object({ kind: z.literal('sealed'), ...sealedSchema.shape });
export const storedKeySchema = z.discriminatedUnion('kind', [plainKeySchema, sealedKeySchema]);
export type StoredKey = z.infer<typeof storedKeySchema>;

/** The key in clear, or undefined while it is sealed. */
export const plainKeyOf = (stored: StoredKey): string | undefined => (stored.kind === 'plain' ? stored.value : undefined);

export const connectionSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(NAME_MAX),
  url: z.url({ protocol: /^https$/ }).max(2_000),
  key: storedKeySchema,
  /** The key this one replaced, kept so that a rotation can be undone. */
  previousKey: storedKeySchema.optional(),
  note: z.string().max(NOTE_MAX).default(''),
  source: sourceSchema,
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
  lastTest: testResultSchema.optional(),
});
export type Connection = z.infer<typeof connectionSchema>;
