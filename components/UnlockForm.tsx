import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { call } from '@/lib/messaging/call';
import { PassphraseField } from './PassphraseField';
import { failureText } from './messages';

/** Asks for the passphrase; a wrong one shows an error and leaves the vault locked. */
export function UnlockForm({ onUnlocked, idPrefix = 'unlock' }: { onUnlocked?(): void; idPrefix?: string }) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string>();
  async function submit(event: Event) {
    event.preventDefault();
    const outcome = await call('unlock', { passphrase });
    if (!outcome.ok) return setError(failureText(outcome.error.code));
    setPassphrase('');
    setError(undefined);
    onUnlocked?.();
  }
  return (
    <form class="unlock" onSubmit={submit}>
      <p class="muted">{i18n.t('lockedNotice')}</p>
      <PassphraseField id={`${idPrefix}-passphrase`} label={i18n.t('passphrase')} value={passphrase} onInput={setPassphrase} error={error} />
      <button type="submit" class="primary">
        {i18n.t('unlock')}
      </button>
    </form>
  );
}
