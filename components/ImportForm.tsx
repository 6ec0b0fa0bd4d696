import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { BACKUP_MAX_BYTES } from '@/lib/backup/backup-schema';
import type { ConflictChoice, ImportItem, ImportStatus } from '@/lib/backup/plan-import';
import { call } from '@/lib/messaging/call';
import { PassphraseField } from './PassphraseField';
import { failureText, inputErrorText } from './messages';
import { ErrorAlert } from './ErrorAlert';

const statusText = (status: ImportStatus): string =>
  ({
    new: i18n.t('importStatusNew'),
    same: i18n.t('importStatusSame'),
    conflict: i18n.t('importStatusConflict'),
    'no-key': i18n.t('importStatusNoKey'),
    invalid: i18n.t('importStatusInvalid'),
  })[status];

/** Import: a preview first (new, same, conflicting names), then all or nothing. */
export function ImportForm({ onMessage }: { onMessage(text: string): void }) {
  const [text, setText] = useState<string>();
  const [passphrase, setPassphrase] = useState('');
  const [items, setItems] = useState<ImportItem[]>();
  const [conflicts, setConflicts] = useState<ConflictChoice>('skip');
  const [error, setError] = useState<string>();

  async function choose(file: File | undefined) {
    setItems(undefined);
    setError(undefined);
    if (!file) return setText(undefined);
    // Checked before reading, so a huge file is never loaded into the page.
    if (file.size > BACKUP_MAX_BYTES) return setError(failureText('backup-too-large'));
    setText(await file.text());
  }

  async function preview(event: Event) {
    event.preventDefault();
    if (text === undefined) return;
    const outcome = await call('previewImport', { text, passphrase });
    setItems(outcome.ok ? outcome.value.items : undefined);
    setError(outcome.ok ? undefined : failureText(outcome.error.code));
  }

  async function apply() {
    if (text === undefined) return;
    const outcome = await call('applyImport', { text, passphrase, conflicts });
    if (!outcome.ok) return setError(failureText(outcome.error.code));
    onMessage(i18n.t('importDone', [String(outcome.value.added), String(outcome.value.replaced)]));
    setItems(undefined);
  }

  const blocked = items?.some((item) => item.status === 'invalid');
  return (
    <form class="form" onSubmit={preview}>
      <div class="field">
        <label for="import-file">{i18n.t('importFile')}</label>
        <input id="import-file" type="file" accept="application/json,.json" onChange={(e) => void choose(e.currentTarget.files?.[0])} />
      </div>
      <PassphraseField id="import-passphrase" label={i18n.t('importPassphrase')} value={passphrase} onInput={setPassphrase} />
      <ErrorAlert text={error} />
      <div class="actions">
        <button type="submit" disabled={text === undefined}>
          {i18n.t('previewImport')}
        </button>
      </div>
      {items && (
        <div class="preview" role="region" aria-label={i18n.t('previewImport')}>
          <ul>
            {items.map((item, index) => (
              <li key={index}>
                <strong>{item.name}</strong>: {statusText(item.status)}
                {item.problem && ` (${inputErrorText(item.problem)})`}
              </li>
            ))}
          </ul>
          {items.some((item) => item.status === 'conflict') && (
            <fieldset>
              <legend>{i18n.t('importConflicts')}</legend>
              <label class="choice">
                <input type="radio" name="import-conflicts" checked={conflicts === 'skip'} onChange={() => setConflicts('skip')} />{' '}
                {i18n.t('importSkip')}
              </label>
              <label class="choice">
                <input type="radio" name="import-conflicts" checked={conflicts === 'replace'} onChange={() => setConflicts('replace')} />{' '}
                {i18n.t('importReplace')}
              </label>
            </fieldset>
          )}
          {blocked && <p class="error">{i18n.t('importInvalidBlocks')}</p>}
          <button type="button" class="primary" disabled={blocked} onClick={() => void apply()}>
            {i18n.t('importButton')}
          </button>
        </div>
      )}
    </form>
  );
}
