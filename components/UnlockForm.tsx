import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import { call } from '@/lib/messaging/call';
import { PassphraseField } from './PassphraseField';
import { failureText } from './messages';

/** Asks for the passphrase; a wrong one shows an error and leaves the vault locked. */
export function UnlockForm({
  onUnlocked,
  idPrefix = 'unlock',
  focus = false,
}: {
  onUnlocked?(): void;
  idPrefix?: string;
  /** Takes the focus when shown (the lock view, where unlocking is the one thing to do). */
  focus?: boolean;
}) {
  const [passphrase, setPassphrase] = useState('');
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focus) field.current?.focus();
  }, [focus]);
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
      <PassphraseField id={`${idPrefix}-passphrase`} label={i18n.t('passphrase')} value={passphrase} onInput={setPassphrase} error={error} inputRef={field} />
      <button type="submit" class="primary">
        {i18n.t('unlock')}
      </button>
    </form>
  );
}
