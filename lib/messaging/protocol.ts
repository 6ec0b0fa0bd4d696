import { defineExtensionMessaging } from '@webext-core/messaging';
import { z } from 'zod';
import { type Connection, type TestResult, connectionSchema } from '../connections/schema';
import type { Outcome } from '../result';

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

export type MessageName = keyof typeof messageSchemas;
export type MessageData<K extends MessageName> = z.infer<(typeof messageSchemas)[K]>;

export interface OfferView {
  name: string;
  note: string;
  /** A saved connection with the same name: the prompt offers to replace its key. */
  conflict: { id: string; name: string } | null;
}

export interface MessageResults {
  addConnection: Connection;
  updateConnection: Connection;
  removeConnection: { connection: Connection; index: number };
  restoreConnection: Connection;
  swapPreviousKey: Connection;
  testConnection: TestResult;
  testAll: { tested: number };
  /** null: nothing to offer (the key is already saved, or the user said never on this site). */
  offerCapturedKey: { offerId: string } | null;
  getOffer: OfferView;
  saveOffer: Connection;
  dismissOffer: null;
  forgetNeverSite: null;
}

type ProtocolMap = {
  [K in MessageName]: (data: MessageData<K>) => Outcome<MessageResults[K]>;
};

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
