import { i18n } from '#i18n';
import type { Area, ConnectionSource, KeyReplaced, Purpose, TestCategory, UsedIn } from '@/lib/connections/schema';
import type { InputErrorCode } from '@/lib/connections/validate-input';
import type { Refusal } from '@/lib/prompt/action-gate';
import { textFor } from './messages';

// What a row's details, the forms, test results and the framed pages say: apart from
// messages.ts, so that the popup's first load does not carry it.

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
