import { defineExtensionMessaging } from '@webext-core/messaging';
import type { z } from '../schema/z';
import type { ImportItem } from '../backup/plan-import';
import type { Connection, TestResult } from '../connections/schema';
import type { Outcome } from '../result';
// Types only: the schemas themselves stay in the background's bundle, out of the content script's.
import type { messageSchemas } from './message-schemas';

export type MessageName = keyof typeof messageSchemas;
export type MessageData<K extends MessageName> = z.infer<(typeof messageSchemas)[K]>;

export interface OfferView {
  offerId: string;
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
  setAutoLock: null;
  revealKey: { key: string };
  lockStatus: LockStatus;
  setPassphrase: null;
  changePassphrase: null;
  removePassphrase: null;
  unlock: null;
  lock: null;
  exportBackup: { fileName: string; text: string; count: number };
  previewImport: { items: ImportItem[] };
  applyImport: { added: number; replaced: number };
}

export interface LockStatus {
  hasPassphrase: boolean;
  unlocked: boolean;
}

type ProtocolMap = {
  [K in MessageName]: (data: MessageData<K>) => Outcome<MessageResults[K]>;
};

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
