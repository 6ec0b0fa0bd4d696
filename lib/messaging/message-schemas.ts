import { keyModeSchema } from '../backup/backup-schema';
import { connectionSchema } from '../connections/schema';
import { CORNERS } from '../prompt/placement';
import { text, z } from '../schema/z';

const id = text(64, 1);
const pixels = z.number().check(z.gte(-100_000), z.lte(100_000));
/** The portal's pop-up that shows the key, in the top frame's viewport: the prompt keeps clear of it. */
const box = z.strictObject({ left: pixels, top: pixels, width: pixels, height: pixels });

const connectionInput = z.strictObject({
  name: text(1_000),
  url: text(3_000),
  key: text(1_000),
  note: z.optional(text(5_000)),
});

/**
 * Every message the background accepts, with the zod schema its data must pass. Schemas are
 * strict: a field the background does not expect is a refusal, not something to ignore.
 */
export const messageSchemas = {
  addConnection: connectionInput,
  updateConnection: z.strictObject({ id, patch: z.partial(connectionInput) }),
  removeConnection: z.strictObject({ id }),
  restoreConnection: z.strictObject({ connection: connectionSchema, index: z.int().check(z.gte(0), z.lte(100_000)) }),
  swapPreviousKey: z.strictObject({ id }),
  testConnection: z.strictObject({ id }),
  testAll: z.strictObject({}),
  /** The validated vault as stored, for the popup and the manager to list (they watch storage for changes after). */
  readVault: z.strictObject({}),
  offerCapturedKey: z.strictObject({
    key: text(1_000),
    name: text(1_000),
    note: text(5_000),
    shownIn: z.optional(z.nullable(box)),
  }),
  /** Without an id: the newest offer made in the asking prompt's own tab. */
  getOffer: z.strictObject({ offerId: z.optional(id) }),
  saveOffer: z.strictObject({
    offerId: id,
    name: text(1_000),
    mode: z.enum(['new', 'replace']),
    /** With `replace`: the connection whose key the new one replaces. */
    replaceId: z.optional(id),
  }),
  dismissOffer: z.strictObject({ offerId: id, never: z.boolean() }),
  /** Opens the review window (unlock, replace with confirmation), which the page cannot draw over. */
  openOfferReview: z.strictObject({ offerId: id, replaceId: z.optional(id) }),
  /** Tests a captured key before it is saved (the review window compares it with the one it replaces). */
  testOfferKey: z.strictObject({ offerId: id }),
  setPromptCorner: z.strictObject({ corner: z.enum(CORNERS) }),
  forgetNeverSite: z.strictObject({ origin: text(300) }),
  setAutoLock: z.strictObject({ minutes: z.int().check(z.gte(1), z.lte(24 * 60)) }),
  revealKey: z.strictObject({ id }),
  lockStatus: z.strictObject({}),
  setPassphrase: z.strictObject({ passphrase: text(1_000) }),
  changePassphrase: z.strictObject({ current: text(1_000), next: text(1_000) }),
  removePassphrase: z.strictObject({ current: text(1_000) }),
  unlock: z.strictObject({ passphrase: text(1_000) }),
  lock: z.strictObject({}),
  exportBackup: z.strictObject({
    mode: keyModeSchema,
    passphrase: text(1_000),
    ids: z.optional(z.array(id).check(z.maxLength(5_000))),
  }),
  previewImport: z.strictObject({ text: z.string(), passphrase: text(1_000) }),
  applyImport: z.strictObject({ text: z.string(), passphrase: text(1_000), conflicts: z.enum(['skip', 'replace']) }),
} as const;
