import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { call } from '@/lib/messaging/call';
import { passphraseMinimum } from '@/lib/policy/effective-settings';
import { PassphraseField } from './PassphraseField';
import { PolicyNote } from './PolicyNote';
import { failureText } from './messages';
import { usePolicy } from './use-policy';

/**
 * Shown instead of the unlock form while the policy requires a passphrase that is not set: keys
 * are stored again once it is (a captured key waiting in the prompt included).
 */
export function RequiredPassphraseForm({ idPrefix = 'required' }: { idPrefix?: string }) {
  const { policy } = usePolicy();
  const min = passphraseMinimum(policy);
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string>();
  async function submit(event: Event) {
    event.preventDefault();
    if (next !== repeat) return setError(failureText('passphrase-mismatch'));
    const outcome = await call('setPassphrase', { passphrase: next });
    if (!outcome.ok) return setError(failureText(outcome.error.code));
    setError(undefined);
  }
  return (
    <form class="unlock" aria-labelledby={`${idPrefix}-title`} onSubmit={submit}>
      <p id={`${idPrefix}-title`}>
        {i18n.t('passphraseRequiredNotice')} <PolicyNote id={`${idPrefix}-note`} detail={i18n.t('minPassphraseHint', [String(min)])} />
      </p>
      <p class="warning">{i18n.t('securityWarning')}</p>
      <PassphraseField id={`${idPrefix}-new`} label={i18n.t('newPassphrase')} value={next} onInput={setNext} error={error} autocomplete="new-password" />
      <PassphraseField id={`${idPrefix}-repeat`} label={i18n.t('repeatPassphrase')} value={repeat} onInput={setRepeat} autocomplete="new-password" />
      <button type="submit" class="primary">
        {i18n.t('setPassphrase')}
      </button>
    </form>
  );
}
