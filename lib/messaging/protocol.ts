import { defineExtensionMessaging } from '@webext-core/messaging';
import type { z } from '../schema/z';
import type { ImportItem } from '../backup/plan-import';
import type { Connection, TestResult } from '../connections/schema';
import type { Corner } from '../prompt/placement';
import type { Quarantined } from '../vault/parse-vault';
import type { Outcome } from '../result';
// Types only: the schemas themselves stay in the background's bundle, out of the content script's.
import type { messageSchemas } from './message-schemas';

export type MessageName = keyof typeof messageSchemas;
export type MessageData<K extends MessageName> = z.infer<(typeof messageSchemas)[K]>;

export interface OfferView {
  offerId: string;
  name: string;
  note: string;
  /** The portal origin the key was captured on. */
  origin: string;
  capturedAt: number;
  /** A saved connection with the same name: the prompt offers to replace its key (confirmed in the review window). */
  conflict: { id: string; name: string } | null;
  /** Where the prompt sits now (the corner the user last chose). */
  corner: Corner;
  /** The key's last characters, to compare with the key it replaces; never given to the prompt. */
  keyEnd?: string;
}

export interface MessageResults {
  addConnection: Connection;
  updateConnection: Connection;
  removeConnection: { connection: Connection; index: number };
  restoreConnection: Connection;
  swapPreviousKey: Connection;
  testConnection: TestResult;
  testAll: { tested: number };
  readVault: { connections: Connection[]; quarantine: Quarantined[] };
  /** null: nothing to offer (the key is already saved, or the user said never on this site). */
  offerCapturedKey: { offerId: string; corner: Corner } | null;
  getOffer: OfferView;
  saveOffer: Connection;
  dismissOffer: null;
  openOfferReview: null;
  testOfferKey: TestResult;
  setPromptCorner: null;
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
