import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import { PRESETS, type PresetId, purposeFor } from '@/lib/api/presets';
import { AREAS, type Area } from '@/lib/connections/areas';
import { DEFAULT_API_URL } from '@/lib/connections/limits';
import type { Connection, TestResult } from '@/lib/connections/schema';
import { ENVIRONMENTS } from '@/lib/connections/environments';
import { findLookalike } from '@/lib/connections/lookalike-names';
import { type ConnectionInput, type FieldErrors, type InputField, validateInput } from '@/lib/connections/validate-input';
import type { PolicyEnvironment } from '@/lib/policy/policy-schema';
import type { AppError, Outcome } from '@/lib/result';
import { PolicyNote } from './PolicyNote';
import { environmentLabel, failureText } from './messages';
import { areaLabel, inputErrorText, presetLabel } from './detail-messages';
import { ErrorAlert } from './ErrorAlert';
import { TestResultView } from './TestResultView';

interface Props {
  /** The connection being edited; a new one when absent. */
  editing?: Connection;
  /** The saved connections, to warn about a name that looks like one of theirs. */
  connections: readonly Connection[];
  /** The policy's environments, which replace the built-in ones; the first is the default. */
  environments?: readonly PolicyEnvironment[] | undefined;
  onSubmit(input: Partial<ConnectionInput>): Promise<AppError | null>;
  /** Tests the typed URL and key (or, editing with the key left empty, the saved key); stores nothing. */
  onTest(draft: { url: string; key?: string }): Promise<Outcome<TestResult>>;
  onCancel(): void;
}

type PurposeChoice = PresetId | 'none';

const FIELDS: Array<{
  field: InputField;
  label: () => string;
  type: 'text' | 'url' | 'password';
  hint?: () => string;
  /** Shown instead of `hint` while editing. */
  editHint?: () => string;
}> = [
  { field: 'name', label: () => i18n.t('fieldName'), type: 'text' },
  { field: 'url', label: () => i18n.t('fieldUrl'), type: 'url' },
  { field: 'key', label: () => i18n.t('fieldKey'), type: 'password', editHint: () => i18n.t('fieldKeyKeepHint') },
  { field: 'note', label: () => i18n.t('fieldNote'), type: 'text', hint: () => i18n.t('fieldNoteHint') },
];

const CUSTOM = 'custom';
const trimUrl = (url: string) => url.trim().replace(/\/+$/, '');

export function ConnectionForm({ editing, connections, environments, onSubmit, onTest, onCancel }: Props) {
  /** The named environments offered (each by its URL), besides Custom URL. */
  const offered: readonly PolicyEnvironment[] = environments ?? ENVIRONMENTS.map(({ id, url }) => ({ name: environmentLabel(id), url }));
  const environmentOf = (url: string) => offered.find((e) => e.url === trimUrl(url))?.url ?? CUSTOM;
  const [values, setValues] = useState<ConnectionInput>(() => ({
    name: editing?.name ?? '',
    url: editing?.url ?? offered[0]?.url ?? DEFAULT_API_URL,
    // The current key is never put back into a form; an empty field keeps it.
    key: '',
    note: editing?.note ?? '',
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [environment, setEnvironment] = useState<string>(() => environmentOf(values.url));
  const [purpose, setPurpose] = useState<PurposeChoice>(editing?.purpose?.preset ?? 'none');
  const [customAreas, setCustomAreas] = useState<readonly Area[]>(editing?.purpose?.areas ?? []);
  const [tested, setTested] = useState<{ testing: boolean; result?: TestResult }>({ testing: false });
  const firstField = useRef<HTMLInputElement>(null);
  useEffect(() => firstField.current?.focus(), []);
  // After a refused Save, focus the first field in error so its message is read out with it.
  useEffect(() => {
    const first = FIELDS.find(({ field }) => errors[field]);
    if (first) document.getElementById(`field-${first.field}`)?.focus();
  }, [errors]);

  function chooseEnvironment(choice: string) {
    setEnvironment(choice);
    const named = choice !== CUSTOM;
    setValues({ ...values, url: named ? choice : environmentOf(values.url) === CUSTOM ? values.url : '' });
  }

  /** The typed fields, checked; the key left out where an edit keeps the saved one. */
  function checkedInput() {
    const input = editing && !values.key.trim() ? { ...values, key: undefined } : values;
    return validateInput(input);
  }

  async function test() {
    const checked = checkedInput();
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setFailure(undefined);
    setTested({ testing: true });
    const outcome = await onTest({ url: checked.value.url ?? values.url, ...(checked.value.key !== undefined && { key: checked.value.key }) });
    setTested({ testing: false, ...(outcome.ok && { result: outcome.value }) });
    if (!outcome.ok) setFailure(outcome.error.fields ? undefined : failureText(outcome.error.code));
    if (!outcome.ok && outcome.error.fields) setErrors(outcome.error.fields);
  }

  async function submit(event: Event) {
    event.preventDefault();
    const checked = checkedInput();
    if (!checked.ok) {
      setErrors(checked.errors);
      setFailure(undefined);
      return;
    }
    setBusy(true);
    const chosen = purpose === 'none' ? undefined : purposeFor(purpose, customAreas);
    const error = await onSubmit({ ...checked.value, ...(chosen && { purpose: chosen }) });
    setBusy(false);
    setErrors(error?.fields ?? {});
    setFailure(error && !error.fields ? failureText(error.code) : undefined);
  }

  const lookalike = findLookalike(connections, values.name, editing?.id);
  const title = editing ? i18n.t('formEditTitle', [editing.name]) : i18n.t('formAddTitle');
  return (
    <form class="form" aria-label={title} onSubmit={submit} noValidate>
      <h2>{title}</h2>
      <fieldset class="env-choice" aria-describedby={environments ? 'field-environment-policy' : undefined}>
        <legend>{i18n.t('fieldEnvironment')}</legend>
        {[...offered, { name: environmentLabel(CUSTOM), url: CUSTOM }].map(({ name, url }) => (
          <label class="choice" key={url}>
            <input type="radio" name="environment" checked={environment === url} onChange={() => chooseEnvironment(url)} />
            {name}
          </label>
        ))}
        {environments && <PolicyNote id="field-environment-policy" />}
      </fieldset>
      {FIELDS.map(({ field, label, type, hint: addHint, editHint }, index) => {
        const hint = (editing && editHint) || addHint;
        const error = errors[field];
        const id = `field-${field}`;
        const warning = field === 'name' && lookalike ? i18n.t('nameLooksLike', [lookalike.name]) : undefined;
        const describedBy = [hint && `${id}-hint`, warning && `${id}-warning`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
        return (
          <div class="field" key={field}>
            <label for={id}>{label()}</label>
            <input
              id={id}
              ref={index === 0 ? firstField : undefined}
              // Preact's types narrow `type` per input kind; all three kinds take the same props here.
              type={type as 'text'}
              value={values[field] ?? ''}
              autocomplete="off"
              spellcheck={false}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
              onInput={(e) => {
                const value = e.currentTarget.value;
                setValues({ ...values, [field]: value });
                if (field === 'url') setEnvironment(environmentOf(value));
              }}
            />
            {hint && (
              <small id={`${id}-hint`} class="hint">
                {hint()}
              </small>
            )}
            {warning && (
              <small id={`${id}-warning`} class="warning">
                {warning}
              </small>
            )}
            {error && (
              <small id={`${id}-error`} class="error">
                {inputErrorText(error)}
              </small>
            )}
          </div>
        );
      })}
      <div class="field">
        <label for="field-purpose">{i18n.t('fieldPurpose')}</label>
        <select id="field-purpose" value={purpose} onChange={(e) => setPurpose(e.currentTarget.value as PurposeChoice)}>
          <option value="none">{i18n.t('presetNone')}</option>
          {[...(Object.keys(PRESETS) as PresetId[]), 'custom' as const].map((id) => (
            <option key={id} value={id}>
              {presetLabel(id)}
            </option>
          ))}
        </select>
      </div>
      {purpose === 'custom' && (
        <fieldset class="env-choice">
          <legend>{i18n.t('purposeAreas')}</legend>
          {AREAS.map((area) => (
            <label class="choice" key={area}>
              <input
                type="checkbox"
                checked={customAreas.includes(area)}
                onChange={(e) =>
                  setCustomAreas(e.currentTarget.checked ? [...customAreas, area] : customAreas.filter((a) => a !== area))
                }
              />
              {areaLabel(area)}
            </label>
          ))}
        </fieldset>
      )}
      <ErrorAlert text={failure} />
      <div role="status" aria-live="polite" class="item-status">
        {tested.testing && <p class="result-pending">{i18n.t('testing')}</p>}
        {tested.result && <TestResultView result={tested.result} />}
      </div>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {i18n.t('save')}
        </button>
        <button type="button" aria-describedby="test-draft-hint" disabled={tested.testing} onClick={() => void test()}>
          {i18n.t('testDraft')}
        </button>
        <button type="button" onClick={onCancel}>
          {i18n.t('cancel')}
        </button>
      </div>
      <small id="test-draft-hint" class="hint">
        {i18n.t('testDraftHint')}
      </small>
    </form>
  );
}
