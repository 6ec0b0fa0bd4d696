import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type Connection, DEFAULT_API_URL } from '@/lib/connections/schema';
import { type ConnectionInput, type FieldErrors, type InputField, validateInput } from '@/lib/connections/validate-input';
import type { PolicyEnvironment } from '@/lib/policy/policy-schema';
import type { AppError } from '@/lib/result';
import { PolicyNote } from './PolicyNote';
import { failureText, inputErrorText } from './messages';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  /** The connection being edited; a new one when absent. */
  editing?: Connection;
  /** The policy's environments: offered to pick the URL from, the first one by default. */
  environments?: readonly PolicyEnvironment[] | undefined;
  onSubmit(input: Partial<ConnectionInput>): Promise<AppError | null>;
  onCancel(): void;
}

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

export function ConnectionForm({ editing, environments, onSubmit, onCancel }: Props) {
  const [values, setValues] = useState<ConnectionInput>(() => ({
    name: editing?.name ?? '',
    url: editing?.url ?? environments?.[0]?.url ?? DEFAULT_API_URL,
    // The current key is never put back into a form; an empty field keeps it.
    key: '',
    note: editing?.note ?? '',
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const firstField = useRef<HTMLInputElement>(null);
  useEffect(() => firstField.current?.focus(), []);
  // After a refused Save, focus the first field in error so its message is read out with it.
  useEffect(() => {
    const first = FIELDS.find(({ field }) => errors[field]);
    if (first) document.getElementById(`field-${first.field}`)?.focus();
  }, [errors]);

  async function submit(event: Event) {
    event.preventDefault();
    const input = editing && !values.key.trim() ? { ...values, key: undefined } : values;
    const checked = validateInput(input);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFailure(undefined);
      return;
    }
    setBusy(true);
    const error = await onSubmit(checked.value);
    setBusy(false);
    setErrors(error?.fields ?? {});
    setFailure(error && !error.fields ? failureText(error.code) : undefined);
  }

  const title = editing ? i18n.t('formEditTitle', [editing.name]) : i18n.t('formAddTitle');
  return (
    <form class="form" aria-label={title} onSubmit={submit} noValidate>
      <h2>{title}</h2>
      {environments && (
        <div class="field">
          <label for="field-environment">{i18n.t('environmentLabel')}</label>
          <select
            id="field-environment"
            aria-describedby="field-environment-policy"
            value={values.url}
            onChange={(e) => setValues({ ...values, url: e.currentTarget.value })}
          >
            {!environments.some((env) => env.url === values.url) && <option value={values.url}>{values.url}</option>}
            {environments.map((env) => (
              <option key={env.url} value={env.url}>
                {env.name}
              </option>
            ))}
          </select>
          <PolicyNote id="field-environment-policy" />
        </div>
      )}
      {FIELDS.map(({ field, label, type, hint: addHint, editHint }, index) => {
        const hint = (editing && editHint) || addHint;
        const error = errors[field];
        const id = `field-${field}`;
        const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
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
              onInput={(e) => setValues({ ...values, [field]: e.currentTarget.value })}
            />
            {hint && (
              <small id={`${id}-hint`} class="hint">
                {hint()}
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
      <ErrorAlert text={failure} />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {i18n.t('save')}
        </button>
        <button type="button" onClick={onCancel}>
          {i18n.t('cancel')}
        </button>
      </div>
    </form>
  );
}
