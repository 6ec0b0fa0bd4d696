import { defineExtensionMessaging } from '@webext-core/messaging';
import type { z } from '../schema/z';
import type { ImportItem } from '../backup/plan-import';
import type { Connection, TestCategory, TestResult } from '../connections/schema';
import type { Corner } from '../prompt/placement';
import type { Quarantined } from '../vault/parse-vault';
import type { ConnectionResults } from '../results/result-schema';
import type { TestRun } from '../background/test-run';
import type { ParsedPolicy } from '../policy/policy-schema';
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
  conflict: { id: string; name: string; /** Where its key was filled (not told to the prompt). */ usedIn?: string[] } | null;
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
  testDraft: TestResult;
  cancelTests: null;
  setTestGiveUp: null;
  readVault: { connections: Connection[]; quarantine: Quarantined[] };
  /**
   * The first connections by name, with how many there are in all and which of them share their
   * name with another (which the popup cannot tell from these alone). When `total` is the length
   * of `connections`, this is the whole vault.
   */
  readListHead: { connections: Connection[]; quarantine: Quarantined[]; total: number; sameName: string[] };
  readResults: Record<string, ConnectionResults>;
  /** null: no Test all this browser session. */
  readTestRun: TestRun | null;
  readPolicy: ParsedPolicy;
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
  setClipboardClear: null;
  setPreviousKeyDays: null;
  keyCopied: null;
  forgetPreviousKey: Connection;
  revealKey: { key: string };
  lockStatus: LockStatus;
  setPassphrase: null;
  changePassphrase: null;
  removePassphrase: null;
  unlock: null;
  lock: null;
  exportBackup: { fileName: string; text: string; count: number };
  previewImport: { items: ImportItem[] };
  applyImport: { added: number; replaced: number; skipped: number };
  requestFill: null;
  getFillRequest: FillRequestView;
  chooseFill: { status: 'filled' | 'confirming' };
  getFillConfirmation: { host: string; name: string; url: string };
  confirmFill: { name: string };
  cancelFill: null;
  forgetTrustedInstance: null;
}

/** What the fill picker shows: the instance that will receive the key, and names and verdicts (never a key). */
export interface FillRequestView {
  requestId: string;
  /** The full host of the ServiceNow instance whose form asked. */
  host: string;
  /** Confirmed before: choosing fills at once. */
  trusted: boolean;
  choices: Array<{ id: string; name: string; url: string; verdict?: TestCategory }>;
}

export interface LockStatus {
  hasPassphrase: boolean;
  unlocked: boolean;
}

type ProtocolMap = {
  [K in MessageName]: (data: MessageData<K>) => Outcome<MessageResults[K]>;
};

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
