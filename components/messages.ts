import { type GeneratedI18nStructure, i18n } from '#i18n';
import { type EnvironmentId, environmentOf } from '@/lib/connections/environments';
import type { TestCategory } from '@/lib/connections/schema';
import type { ErrorCode } from '@/lib/result';
import type { SortKey } from '@/lib/list/list-query';
import { rememberByText } from '@/lib/memo/remember-by-text';

// Each stable code in lib/ maps to one sentence here, so lib/ never holds UI text. What the list
// and the app's toasts say is here; what details, forms and framed pages say, in detail-messages.ts.

type Messages = GeneratedI18nStructure;
/** The messages that take no substitutions: what a code's text is made of. */
type PlainKey = { [K in keyof Messages]: Messages[K] extends { plural: false; substitutions: 0 } ? K : never }[keyof Messages];

/** A code's text, looked up only for the code asked (the popup asks once per row). */
export const textFor =
  <C extends string>(keys: Readonly<Record<C, PlainKey>>) =>
  (code: C): string =>
    keys[code] ? i18n.t(keys[code]) : code;

export const categoryLabel = textFor<TestCategory>({
  connected: 'categoryConnected',
  limited: 'categoryLimited',
  'invalid-key': 'categoryInvalidKey',
  'access-denied': 'categoryAccessDenied',
  'rate-limited': 'categoryRateLimited',
  'server-error': 'categoryServerError',
  unexpected: 'categoryUnexpected',
  timeout: 'categoryTimeout',
  network: 'categoryNetwork',
});

export const failureText = textFor<ErrorCode>({
  'invalid-input': 'failInvalidInput',
  'bad-message': 'failBadMessage',
  'forbidden-sender': 'failForbiddenSender',
  'not-found': 'failNotFound',
  'no-previous-key': 'failNoPreviousKey',
  'vault-from-newer-version': 'failVaultFromNewerVersion',
  'offer-expired': 'failOfferExpired',
  'permission-denied': 'failPermissionDenied',
  locked: 'failLocked',
  'wrong-passphrase': 'failWrongPassphrase',
  'passphrase-mismatch': 'failPassphraseMismatch',
  'no-passphrase': 'failNoPassphrase',
  'has-passphrase': 'failHasPassphrase',
  'passphrase-too-short': 'failPassphraseTooShort',
  'already-saved': 'failAlreadySaved',
  'form-gone': 'failFormGone',
  cancelled: 'failCancelled',
  'backup-too-large': 'failBackupTooLarge',
  'backup-malformed': 'failBackupMalformed',
  'backup-unknown-version': 'failBackupUnknownVersion',
  'backup-needs-passphrase': 'failBackupNeedsPassphrase',
  'backup-wrong-passphrase': 'failBackupWrongPassphrase',
  'policy-host-not-allowed': 'failPolicyHostNotAllowed',
  'policy-passphrase-required': 'failPolicyPassphraseRequired',
  'policy-passphrase-too-short': 'failPolicyPassphraseTooShort',
  'policy-plain-export': 'failPolicyPlainExport',
  'policy-auto-lock': 'failPolicyAutoLock',
  'policy-clipboard': 'failPolicyClipboard',
  internal: 'failInternal',
});

export const environmentLabel = textFor<EnvironmentId>({ production: 'envProduction', sandbox: 'envSandbox', custom: 'envCustom' });

/** Where a connection's URL points: the environment's name, or the host of a custom URL. Every row shows it. */
export const environmentText = rememberByText((url: string): string => {
  const id = environmentOf(url);
  if (id !== 'custom') return environmentLabel(id);
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
});

export const sortText = textFor<SortKey>({ name: 'sortName', tested: 'sortTested', verdict: 'sortVerdict', added: 'sortAdded' });
