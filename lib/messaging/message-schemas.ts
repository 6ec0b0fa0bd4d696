import { z } from 'zod';
import { connectionSchema } from '../connections/schema';

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().max(max);

const connectionInput = z.strictObject({
  name: text(1_000),
  url: text(3_000),
  key: text(1_000),
  note: text(5_000).optional(),
});

/**
 * Every message the background accepts, with the zod schema its data must pass. Schemas are
 * strict: a field the background does not expect is a refusal, not something to ignore.
 */
export const messageSchemas = {
  addConnection: connectionInput,
  updateConnection: z.strictObject({ id, patch: connectionInput.partial() }),
  removeConnection: z.strictObject({ id }),
  restoreConnection: z.strictObject({ connection: connectionSchema, index: z.number().int().min(0).max(100_000) }),
  swapPreviousKey: z.strictObject({ id }),
  testConnection: z.strictObject({ id }),
  testAll: z.strictObject({}),
  offerCapturedKey: z.strictObject({ key: text(1_000), name: text(1_000), note: text(5_000) }),
  getOffer: z.strictObject({ offerId: id }),
  saveOffer: z.strictObject({ offerId: id, name: text(1_000), mode: z.enum(['new', 'replace']) }),
  dismissOffer: z.strictObject({ offerId: id, never: z.boolean() }),
  forgetNeverSite: z.strictObject({ origin: text(300) }),
} as const;
