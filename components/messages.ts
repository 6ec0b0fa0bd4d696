import { i18n } from '#i18n';
import { type EnvironmentId, environmentOf } from '@/lib/connections/environments';
import type { Area, ConnectionSource, KeyReplaced, Purpose, TestCategory, UsedIn } from '@/lib/connections/schema';
import type { Refusal } from '@/lib/prompt/action-gate';
import type { InputErrorCode } from '@/lib/connections/validate-input';
import type { ErrorCode } from '@/lib/result';
import type { SortKey } from '@/lib/list/list-query';

// Each stable code in lib/ maps to one sentence here, so lib/ never holds UI text.

export const categoryLabel = (category: TestCategory): string =>
  ({
    connected: i18n.t('categoryConnected'),
    limited: i18n.t('categoryLimited'),
    'invalid-key': i18n.t('categoryInvalidKey'),
    'access-denied': i18n.t('categoryAccessDenied'),
    'rate-limited': i18n.t('categoryRateLimited'),
    'server-error': i18n.t('categoryServerError'),
    unexpected: i18n.t('categoryUnexpected'),
    timeout: i18n.t('categoryTimeout'),
    network: i18n.t('categoryNetwork'),
  })[category] ?? category;

export const categoryExplanation = (category: TestCategory): string =>
  ({
    connected: i18n.t('explainConnected'),
    limited: i18n.t('explainLimited'),
    'invalid-key': i18n.t('explainInvalidKey'),
    'access-denied': i18n.t('explainAccessDenied'),
    'rate-limited': i18n.t('explainRateLimited'),
    'server-error': i18n.t('explainServerError'),
    unexpected: i18n.t('explainUnexpected'),
    timeout: i18n.t('explainTimeout'),
    network: i18n.t('explainNetwork'),
  })[category] ?? category;

export const inputErrorText = (code: InputErrorCode): string =>
  ({
    'name-empty': i18n.t('errorNameEmpty'),
    'name-too-long': i18n.t('errorNameTooLong'),
    'name-taken': i18n.t('errorNameTaken'),
    'url-invalid': i18n.t('errorUrlInvalid'),
    'url-not-https': i18n.t('errorUrlNotHttps'),
    'url-credentials': i18n.t('errorUrlCredentials'),
    'url-query': i18n.t('errorUrlQuery'),
    'url-fragment': i18n.t('errorUrlFragment'),
    'key-empty': i18n.t('errorKeyEmpty'),
    'key-whitespace': i18n.t('errorKeyWhitespace'),
    'key-length': i18n.t('errorKeyLength'),
    'key-characters': i18n.t('errorKeyCharacters'),
    'note-too-long': i18n.t('errorNoteTooLong'),
  })[code];

export const failureText = (code: ErrorCode): string =>
  ({
    'invalid-input': i18n.t('failInvalidInput'),
    'bad-message': i18n.t('failBadMessage'),
    'forbidden-sender': i18n.t('failForbiddenSender'),
    'not-found': i18n.t('failNotFound'),
    'no-previous-key': i18n.t('failNoPreviousKey'),
    'vault-from-newer-version': i18n.t('failVaultFromNewerVersion'),
    'offer-expired': i18n.t('failOfferExpired'),
    'permission-denied': i18n.t('failPermissionDenied'),
    locked: i18n.t('failLocked'),
    'wrong-passphrase': i18n.t('failWrongPassphrase'),
    'passphrase-mismatch': i18n.t('failPassphraseMismatch'),
    'no-passphrase': i18n.t('failNoPassphrase'),
    'has-passphrase': i18n.t('failHasPassphrase'),
    'passphrase-too-short': i18n.t('failPassphraseTooShort'),
    'already-saved': i18n.t('failAlreadySaved'),
    'form-gone': i18n.t('failFormGone'),
    cancelled: i18n.t('failCancelled'),
    'backup-too-large': i18n.t('failBackupTooLarge'),
    'backup-malformed': i18n.t('failBackupMalformed'),
    'backup-unknown-version': i18n.t('failBackupUnknownVersion'),
    'backup-needs-passphrase': i18n.t('failBackupNeedsPassphrase'),
    'backup-wrong-passphrase': i18n.t('failBackupWrongPassphrase'),
    'policy-host-not-allowed': i18n.t('failPolicyHostNotAllowed'),
    'policy-passphrase-required': i18n.t('failPolicyPassphraseRequired'),
    'policy-passphrase-too-short': i18n.t('failPolicyPassphraseTooShort'),
    'policy-plain-export': i18n.t('failPolicyPlainExport'),
    'policy-auto-lock': i18n.t('failPolicyAutoLock'),
    'policy-clipboard': i18n.t('failPolicyClipboard'),
    internal: i18n.t('failInternal'),
  })[code];

export const sourceText = (source: ConnectionSource): string =>
  ({ typed: i18n.t('sourceTyped'), captured: i18n.t('sourceCaptured'), imported: i18n.t('sourceImported') })[source];

/** When and how a connection's key replaced the one Undo would bring back. */
export function keyReplacedText({ at, via, origin }: KeyReplaced): string {
  const how =
    via === 'captured' && origin
      ? i18n.t('replacedViaCaptured', [new URL(origin).host])
      : ({
          captured: i18n.t('sourceCaptured'),
          typed: i18n.t('replacedViaTyped'),
          imported: i18n.t('sourceImported'),
          undo: i18n.t('replacedViaUndo'),
          unknown: i18n.t('replacedViaUnknown'),
        })[via];
  return i18n.t('keyReplacedOn', [new Date(at).toLocaleString(), how]);
}

/** Why an action in a framed page (the save prompt, the fill picker) did not run. */
export const refusalText = (refusal: Refusal): string =>
  ({
    'too-soon': i18n.t('promptRefusedTooSoon'),
    moved: i18n.t('promptRefusedMoved'),
    'act-first': i18n.t('promptRefusedKey'),
  })[refusal];

export const environmentLabel = (id: EnvironmentId): string =>
  ({ production: i18n.t('envProduction'), sandbox: i18n.t('envSandbox'), custom: i18n.t('envCustom') })[id];

/** Where a connection's URL points: the environment's name, or the host of a custom URL. */
export function environmentText(url: string): string {
  const id = environmentOf(url);
  if (id !== 'custom') return environmentLabel(id);
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Where a connection's key was filled: "acme.service-now.com (1/12/2026)". */
export const usedInText = (usedIn: readonly UsedIn[]): string =>
  usedIn.map(({ host, at }) => i18n.t('usedInEntry', [host, new Date(at).toLocaleDateString()])).join(', ');

export const areaLabel = (area: Area): string =>
  ({
    configuration: i18n.t('areaConfiguration'),
    jobs: i18n.t('areaJobs'),
    users: i18n.t('areaUsers'),
    me: i18n.t('areaMe'),
    audit: i18n.t('areaAudit'),
  })[area];

export const presetLabel = (preset: Purpose['preset']): string =>
  ({ servicenow: i18n.t('presetServicenow'), 'read-jobs': i18n.t('presetReadJobs'), custom: i18n.t('presetCustom') })[preset];

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


export const sortText = (sort: SortKey): string =>
  ({ name: i18n.t('sortName'), tested: i18n.t('sortTested'), verdict: i18n.t('sortVerdict'), added: i18n.t('sortAdded') })[sort];
