import { type GeneratedI18nStructure, i18n } from '#i18n';
import { type EnvironmentId, environmentOf } from '@/lib/connections/environments';
import type { Area, ConnectionSource, KeyReplaced, Purpose, TestCategory, UsedIn } from '@/lib/connections/schema';
import type { Refusal } from '@/lib/prompt/action-gate';
import type { InputErrorCode } from '@/lib/connections/validate-input';
import type { ErrorCode } from '@/lib/result';
import type { SortKey } from '@/lib/list/list-query';
import { rememberByText } from '@/lib/memo/remember-by-text';

// Each stable code in lib/ maps to one sentence here, so lib/ never holds UI text.

type Messages = GeneratedI18nStructure;
/** The messages that take no substitutions: what a code's text is made of. */
type PlainKey = { [K in keyof Messages]: Messages[K] extends { plural: false; substitutions: 0 } ? K : never }[keyof Messages];

/** A code's text, looked up only for the code asked (the popup asks once per row). */
const textFor =
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

export const categoryExplanation = textFor<TestCategory>({
  connected: 'explainConnected',
  limited: 'explainLimited',
  'invalid-key': 'explainInvalidKey',
  'access-denied': 'explainAccessDenied',
  'rate-limited': 'explainRateLimited',
  'server-error': 'explainServerError',
  unexpected: 'explainUnexpected',
  timeout: 'explainTimeout',
  network: 'explainNetwork',
});

export const inputErrorText = textFor<InputErrorCode>({
  'name-empty': 'errorNameEmpty',
  'name-too-long': 'errorNameTooLong',
  'name-taken': 'errorNameTaken',
  'url-invalid': 'errorUrlInvalid',
  'url-not-https': 'errorUrlNotHttps',
  'url-credentials': 'errorUrlCredentials',
  'url-query': 'errorUrlQuery',
  'url-fragment': 'errorUrlFragment',
  'key-empty': 'errorKeyEmpty',
  'key-whitespace': 'errorKeyWhitespace',
  'key-length': 'errorKeyLength',
  'key-characters': 'errorKeyCharacters',
  'note-too-long': 'errorNoteTooLong',
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

export const sourceText = textFor<ConnectionSource>({ typed: 'sourceTyped', captured: 'sourceCaptured', imported: 'sourceImported' });

const replacedViaText = textFor<KeyReplaced['via']>({
  captured: 'sourceCaptured',
  typed: 'replacedViaTyped',
  imported: 'sourceImported',
  undo: 'replacedViaUndo',
  unknown: 'replacedViaUnknown',
});

/** When and how a connection's key replaced the one Undo would bring back. */
export function keyReplacedText({ at, via, origin }: KeyReplaced): string {
  const how =
    via === 'captured' && origin
      ? i18n.t('replacedViaCaptured', [new URL(origin).host])
      : replacedViaText(via);
  return i18n.t('keyReplacedOn', [new Date(at).toLocaleString(), how]);
}

/** Why an action in a framed page (the save prompt, the fill picker) did not run. */
export const refusalText = textFor<Refusal>({
  'too-soon': 'promptRefusedTooSoon',
  moved: 'promptRefusedMoved',
  'act-first': 'promptRefusedKey',
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

/** Where a connection's key was filled: "acme.service-now.com (1/12/2026)". */
export const usedInText = (usedIn: readonly UsedIn[]): string =>
  usedIn.map(({ host, at }) => i18n.t('usedInEntry', [host, new Date(at).toLocaleDateString()])).join(', ');

export const areaLabel = textFor<Area>({
  configuration: 'areaConfiguration',
  jobs: 'areaJobs',
  users: 'areaUsers',
  me: 'areaMe',
  audit: 'areaAudit',
});

export const presetLabel = textFor<Purpose['preset']>({ servicenow: 'presetServicenow', 'read-jobs': 'presetReadJobs', custom: 'presetCustom' });

/** A moment with its date, not only the time of day: history spans days. */
export const dateTimeText = (at: number): string => new Date(at).toLocaleString();

const REDIRECT_TO = 'redirect to ';

/** A result's detail: the tester's own notes (stable English codes, stored with results) in the UI's language; a server's message as it came. */
export function detailText(detail: string): string {
  if (detail === 'redirect') return i18n.t('detailRedirect');
  if (detail.startsWith(REDIRECT_TO)) return i18n.t('detailRedirectTo', [detail.slice(REDIRECT_TO.length)]);
  if (detail === 'not a JSON object') return i18n.t('detailNotJson');
  return detail;
}

export const sortText = textFor<SortKey>({ name: 'sortName', tested: 'sortTested', verdict: 'sortVerdict', added: 'sortAdded' });
