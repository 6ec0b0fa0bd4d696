import { sealedSchema } from '../crypto/seal';
import { count, text, z } from '../schema/z';

import { AREAS } from './areas';
import { KEY_MAX, NAME_MAX, NOTE_MAX } from './limits';

export { DEFAULT_API_URL, KEY_MAX, KEY_MIN, NAME_MAX, NOTE_MAX } from './limits';
export { AREAS, type Area } from './areas';

export const sourceSchema = z.enum(['typed', 'captured', 'imported']);
export type ConnectionSource = z.infer<typeof sourceSchema>;

export const testCategorySchema = z.enum([
  'connected',
  /** The key works for some areas and is refused in others (access check, issue 10). */
  'limited',
  'invalid-key',
  'access-denied',
  'rate-limited',
  'server-error',
  'unexpected',
  'timeout',
  'network',
]);
export type TestCategory = z.infer<typeof testCategorySchema>;

export const areaSchema = z.enum(AREAS);

const httpStatus = z.int().check(z.gte(0), z.lte(999));

/** An area's HTTP status; null where its probe could not run or got no answer (shown as "–"). */
const areaStatus = z.optional(z.nullable(httpStatus));
/** Each probed area's answer, by area: an object rather than a list of records, to stay small stored. */
export const probesSchema = z.object({
  configuration: areaStatus,
  jobs: areaStatus,
  users: areaStatus,
  me: areaStatus,
  audit: areaStatus,
});
export type Probes = z.infer<typeof probesSchema>;

/** The last X-RateLimit-* headers the API sent, clamped (lib/api/rate-limit-headers.ts). */
export const budgetSchema = z.object({
  limit: z.optional(z.int().check(z.gte(0), z.lte(100_000))),
  remaining: z.optional(z.int().check(z.gte(0), z.lte(100_000))),
  concurrentLimit: z.optional(z.int().check(z.gte(0), z.lte(100_000))),
  concurrentRemaining: z.optional(z.int().check(z.gte(0), z.lte(100_000))),
});
export type Budget = z.infer<typeof budgetSchema>;

/** The longest a stored text may be; results are clamped to these before they are stored. */
export const RESULT_TEXT_MAX = { endpoint: 120, company: 120, detail: 200, role: 80 } as const;
/** Nobody waits more than a day for a retry: a later time is a server's nonsense, clamped. */
export const RETRY_MAX_MS = 24 * 3_600_000;

export const testResultSchema = z.object({
  at: count(),
  category: testCategorySchema,
  /** HTTP status of the identity call, or null where no response arrived (timeout, network error). */
  status: z.nullable(httpStatus),
  latencyMs: count().check(z.lte(3_600_000)),
  /**
   * The identity call, without the key: "GET https://host/configuration/company" (cut to fit).
   * Left out where results are stored: there the connection's URL says it.
   */
  endpoint: z.optional(text(RESULT_TEXT_MAX.endpoint)),
  company: z.optional(text(RESULT_TEXT_MAX.company)),
  /** The server's own explanation, or why the response was unexpected. */
  detail: z.optional(text(RESULT_TEXT_MAX.detail)),
  /** When a rate-limited caller may try again, in ms since the epoch. */
  retryAt: z.optional(count()),
  /** The identity call was answered with a redirect, which was not followed. */
  redirected: z.optional(z.boolean()),
  /** Each probed area's answer (absent in results from before the access check). */
  probes: z.optional(probesSchema),
  /** The acting user's System role, from users/me. */
  role: z.optional(text(RESULT_TEXT_MAX.role)),
  budget: z.optional(budgetSchema),
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

/** One ServiceNow instance this connection's key was filled into, and when (the last fill there). */
export const usedInSchema = z.object({
  host: text(253, 1),
  at: count(),
});
export type UsedIn = z.infer<typeof usedInSchema>;
/** Instances kept per connection, newest first. */
export const USED_IN_MAX = 20;

export const purposeSchema = z.object({
  preset: z.enum(['servicenow', 'read-jobs', 'custom']),
  areas: z.array(areaSchema).check(z.maxLength(AREAS.length)),
});
export type Purpose = z.infer<typeof purposeSchema>;

export const connectionSchema = z.object({
  id: text(64, 1),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(NAME_MAX)),
  url: z.url({ protocol: /^https$/ }).check(z.maxLength(2_000)),
  key: storedKeySchema,
  /** The key this one replaced, kept so that a rotation can be undone. */
  previousKey: z.optional(storedKeySchema),
  /** The URL that went with `previousKey`, so Undo brings both back; set with it since vault v6. */
  previousUrl: z.optional(z.url({ protocol: /^https$/ }).check(z.maxLength(2_000))),
  /** When and how `key` replaced `previousKey`; set with it since vault v3. */
  keyReplaced: z.optional(keyReplacedSchema),
  note: z._default(text(NOTE_MAX), ''),
  source: sourceSchema,
  createdAt: count(),
  updatedAt: count(),
  /**
   * Where the ServiceNow helper filled this connection's key (since vault v7), newest first: what
   * the extension knows, the user may still have cancelled ServiceNow's dialog. A rotation keeps
   * it, so the user knows where the old key still is.
   */
  usedIn: z.optional(z.array(usedInSchema).check(z.maxLength(USED_IN_MAX))),
  /** What the connection is for: the areas its key must reach (presets in lib/api/presets.ts). */
  purpose: z.optional(purposeSchema),
});
export type Connection = z.infer<typeof connectionSchema>;
