import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import type { KeyMode } from '@/lib/backup/backup-schema';
import type { Connection } from '@/lib/connections/schema';
import { call } from '@/lib/messaging/call';
import { PassphraseField } from './PassphraseField';
import { PolicyNote } from './PolicyNote';
import { usePolicy } from './use-policy';
import { failureText } from './messages';
import { ErrorAlert } from './ErrorAlert';
import { download } from './download';
import { type ExportSelection, ExportChoice } from './ExportChoice';

/** Export: encrypted with a passphrase by default; keys in clear only after an explicit tick. */
export function ExportForm({ connections, onMessage }: { connections: Connection[]; onMessage(text: string): void }) {
  const [mode, setMode] = useState<KeyMode>('sealed');
  const [selection, setSelection] = useState<ExportSelection>({ all: true, ticked: new Set() });
  // Ticks are kept by id: one whose connection was deleted meanwhile exports nothing.
  const ids = selection.all || connections.length <= 1 ? undefined : connections.flatMap((c) => (selection.ticked.has(c.id) ? [c.id] : []));
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [plainConfirmed, setPlainConfirmed] = useState(false);
  const [error, setError] = useState<string>();
  const plainForbidden = usePolicy().policy.allowPlainExport === false;

  async function submit(event: Event) {
    event.preventDefault();
    if (mode === 'sealed' && passphrase !== repeat) return setError(failureText('passphrase-mismatch'));
    const outcome = await call('exportBackup', { mode, passphrase: mode === 'sealed' ? passphrase : '', ...(ids && { ids }) });
    if (!outcome.ok) return setError(failureText(outcome.error.code));
    setError(undefined);
    download(outcome.value.fileName, outcome.value.text, 'application/json');
    onMessage(i18n.t('exported', outcome.value.count, [String(outcome.value.count)]));
  }

  const modes: Array<[KeyMode, string]> = [
    ['sealed', i18n.t('exportSealed')],
    ['none', i18n.t('exportNone')],
    ['plain', i18n.t('exportPlain')],
  ];
  return (
    <form class="form" onSubmit={submit}>
      {connections.length > 1 && <ExportChoice connections={connections} selection={selection} tickedCount={ids?.length ?? 0} onChange={setSelection} />}
      <fieldset>
        <legend>{i18n.t('exportModeLabel')}</legend>
        {modes.map(([value, label]) => {
          const forbidden = value === 'plain' && plainForbidden;
          return (
            <label key={value} class="choice">
              <input
                type="radio"
                name="export-mode"
                checked={mode === value && !forbidden}
                disabled={forbidden}
                aria-describedby={forbidden ? 'export-plain-policy' : undefined}
                onChange={() => setMode(value)}
              />{' '}
              {label}
              {forbidden && <> <PolicyNote id="export-plain-policy" /></>}
            </label>
          );
        })}
      </fieldset>
      {mode === 'sealed' && (
        <>
          <PassphraseField id="export-passphrase" label={i18n.t('exportPassphrase')} value={passphrase} onInput={setPassphrase} autocomplete="new-password" />
          <PassphraseField id="export-repeat" label={i18n.t('repeatExportPassphrase')} value={repeat} onInput={setRepeat} autocomplete="new-password" />
        </>
      )}
      {mode === 'plain' && (
        <label class="choice warning">
          <input type="checkbox" checked={plainConfirmed} onChange={(e) => setPlainConfirmed(e.currentTarget.checked)} />{' '}
          {i18n.t('exportPlainConfirm')}
        </label>
      )}
      <ErrorAlert text={error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={connections.length === 0 || ids?.length === 0 || (mode === 'plain' && !plainConfirmed)}>
          {i18n.t('exportButton')}
        </button>
      </div>
    </form>
  );
}
