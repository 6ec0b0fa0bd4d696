import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { BACKUP_MAX_BYTES } from '@/lib/backup/backup-schema';
import type { ConflictChoice, ImportItem, ImportStatus, SkipReason } from '@/lib/backup/plan-import';
import { call } from '@/lib/messaging/call';
import { PassphraseField } from './PassphraseField';
import { failureText } from './messages';
import { inputErrorText } from './detail-messages';
import { ErrorAlert } from './ErrorAlert';

const statusText = (status: ImportStatus): string =>
  ({
    new: i18n.t('importStatusNew'),
    same: i18n.t('importStatusSame'),
    conflict: i18n.t('importStatusConflict'),
    'no-key': i18n.t('importStatusNoKey'),
    skipped: i18n.t('importStatusSkipped'),
  })[status];

const reasonText = (reason: SkipReason): string =>
  reason === 'entry-malformed'
    ? i18n.t('importEntryMalformed')
    : reason === 'key-unreadable'
      ? i18n.t('importKeyUnreadable')
      : reason === 'repeated-in-file'
        ? i18n.t('importRepeatedInFile')
        : inputErrorText(reason);

/** What replacing a connection with the backup's would change. */
function ChangeText({ change }: { change: NonNullable<ImportItem['change']> }) {
  return (
    <ul class="import-change">
      {change.urlFrom !== change.urlTo && <li>{i18n.t('importUrlChange', [change.urlFrom, change.urlTo])}</li>}
      <li>{change.keyChanged ? i18n.t('importKeyChanged') : i18n.t('importKeySame')}</li>
    </ul>
  );
}

/** Import: a preview first (new, same, what a replace changes, what is skipped and why), then the valid entries in one write. */
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
    const { added, replaced, skipped } = outcome.value;
    onMessage(
      skipped
        ? i18n.t('importDoneSkipped', [String(added), String(replaced), String(skipped)])
        : i18n.t('importDone', [String(added), String(replaced)]),
    );
    setItems(undefined);
  }

  const skipped = items?.filter((item) => item.status === 'skipped').length ?? 0;
  const importable = items?.some((item) => item.status === 'new' || item.status === 'conflict');
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
                <strong>{item.name || i18n.t('importNoName')}</strong>: {statusText(item.status)}
                {item.reason && ` (${reasonText(item.reason)})`}
                {item.change && <ChangeText change={item.change} />}
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
          {skipped > 0 && <p class="warning">{i18n.t('importSkippedNotice', skipped, [String(skipped)])}</p>}
          <button type="button" class="primary" disabled={!importable} onClick={() => void apply()}>
            {i18n.t('importButton')}
          </button>
        </div>
      )}
    </form>
  );
}
