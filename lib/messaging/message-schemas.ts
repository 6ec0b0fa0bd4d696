import { keyModeSchema } from '../backup/backup-schema';
import { connectionSchema, purposeSchema } from '../connections/schema';
import { CORNERS } from '../prompt/placement';
import { RESULTS_READ_MAX } from '../results/result-key';
import { LIST_HEAD_MAX } from '../vault/vault-view';
import { GIVE_UP_MAX_S, GIVE_UP_MIN_S } from '../settings/settings';
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
  purpose: z.optional(purposeSchema),
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
  /** Tests a key and URL typed in the add or edit form before anything is stored; without a key, the saved one of `id`. */
  testDraft: z.strictObject({ url: text(3_000), key: z.optional(text(1_000)), id: z.optional(id) }),
  /** Stops the test of one connection, or every test and Test all. */
  cancelTests: z.strictObject({ id: z.optional(id) }),
  setTestGiveUp: z.strictObject({ seconds: z.int().check(z.gte(GIVE_UP_MIN_S), z.lte(GIVE_UP_MAX_S)) }),
  /** The validated vault as stored, for the popup and the manager to list (they watch storage for changes after). */
  readVault: z.strictObject({}),
  /** The popup's first screen: the first `count` connections by name, asked for before the whole vault. */
  readListHead: z.strictObject({ count: z.int().check(z.gte(1), z.lte(LIST_HEAD_MAX)) }),
  /**
   * The same for stored test results, Test all's progress and the administrator's policy: pages
   * read them through the background, which validates them, and keep zod out of their bundles.
   */
  readResults: z.strictObject({ ids: z.array(id).check(z.maxLength(RESULTS_READ_MAX)) }),
  readTestRun: z.strictObject({}),
  readPolicy: z.strictObject({}),
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
  setClipboardClear: z.strictObject({ seconds: z.int().check(z.gte(0), z.lte(3_600)) }),
  setPreviousKeyDays: z.strictObject({ days: z.int().check(z.gte(0), z.lte(3_650)) }),
  /** The popup put this connection's key on the clipboard: clear it there when the time is up. */
  keyCopied: z.strictObject({ id }),
  forgetPreviousKey: z.strictObject({ id }),
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
  /** From the ServiceNow content script: the user clicked "Fill from…" (the frame and host come from the browser). */
  requestFill: z.strictObject({}),
  /** From the picker: its tab's request and the connections to choose from (no key). */
  getFillRequest: z.strictObject({}),
  chooseFill: z.strictObject({ requestId: id, connectionId: id }),
  /** From the confirmation window: what it asks to confirm, then the answer. */
  getFillConfirmation: z.strictObject({ requestId: id }),
  confirmFill: z.strictObject({ requestId: id }),
  cancelFill: z.strictObject({ requestId: id }),
  forgetTrustedInstance: z.strictObject({ host: text(253) }),
} as const;
