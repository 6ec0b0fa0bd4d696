import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { call } from '@/lib/messaging/call';
import type { ErrorCode } from '@/lib/result';
import { effectiveSettings } from '@/lib/policy/effective-settings';
import { SETTINGS_STORAGE_KEY, parseSettings } from '@/lib/settings/settings';
import { PolicyNote } from './PolicyNote';
import { usePolicy } from './use-policy';
import { PassphraseField } from './PassphraseField';
import { failureText } from './messages';
import { useLocalKey } from './use-local-key';
import { useLockStatus } from './use-lock-status';

const AUTO_LOCK_CHOICES = [5, 15, 30, 60, 240];

type Editing = 'none' | 'set' | 'change' | 'remove';

/** The manager's passphrase settings: set, change, remove, and the auto-lock time (Lock is in the header). */
export function SecuritySection({ onMessage }: { onMessage(text: string): void }) {
  const status = useLockStatus();
  const settings = useLocalKey(SETTINGS_STORAGE_KEY, parseSettings);
  const { policy } = usePolicy();
  const effective = settings && effectiveSettings(settings, policy);
  const maxAutoLock = policy.maxAutoLockMinutes;
  const passphraseLocked = effective?.locked.has('passphrase') === true;
  const lengthLocked = effective?.locked.has('minPassphraseLength') === true;
  const [editing, setEditing] = useState<Editing>('none');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<{ field: 'current' | 'next' | 'repeat'; code: ErrorCode }>();

  const reset = (mode: Editing) => {
    setEditing(mode);
    setCurrent('');
    setNext('');
    setRepeat('');
    setError(undefined);
  };

  async function submit(event: Event) {
    event.preventDefault();
    if (editing !== 'remove' && next !== repeat) return setError({ field: 'repeat', code: 'passphrase-mismatch' });
    const outcome =
      editing === 'set'
        ? await call('setPassphrase', { passphrase: next })
        : editing === 'change'
          ? await call('changePassphrase', { current, next })
          : await call('removePassphrase', { current });
    if (!outcome.ok) {
      const code = outcome.error.code;
      return setError({ field: code === 'wrong-passphrase' ? 'current' : 'next', code });
    }
    onMessage(editing === 'remove' ? i18n.t('passphraseRemoved') : i18n.t('passphraseSaved'));
    reset('none');
  }

  const errorFor = (field: 'current' | 'next' | 'repeat') => (error?.field === field ? failureText(error.code) : undefined);
  if (!status) return null;
  return (
    <section class="security" aria-labelledby="security-title">
      <h2 id="security-title">{i18n.t('securityTitle')}</h2>
      <p class="muted">{status.hasPassphrase ? i18n.t('securityOn') : i18n.t('securityOff')}</p>
      {editing === 'none' ? (
        <div class="actions">
          {!status.hasPassphrase && (
            <button type="button" class="primary" onClick={() => reset('set')}>
              {i18n.t('setPassphrase')}
            </button>
          )}
          {status.hasPassphrase && (
            <>
              <button type="button" onClick={() => reset('change')}>
                {i18n.t('changePassphrase')}
              </button>
              <button
                type="button"
                class="danger"
                disabled={passphraseLocked}
                aria-describedby={passphraseLocked ? 'passphrase-policy' : undefined}
                onClick={() => reset('remove')}
              >
                {i18n.t('removePassphrase')}
              </button>
              {passphraseLocked && <PolicyNote id="passphrase-policy" />}
            </>
          )}
        </div>
      ) : (
        <form class="form" onSubmit={submit}>
          {editing !== 'remove' && <p class="warning">{i18n.t('securityWarning')}</p>}
          {editing !== 'remove' && lengthLocked && effective && (
            <PolicyNote id="passphrase-length-policy" detail={i18n.t('minPassphraseHint', [String(effective.minPassphraseLength)])} />
          )}
          {editing !== 'set' && (
            <PassphraseField id="current-passphrase" label={i18n.t('currentPassphrase')} value={current} onInput={setCurrent} error={errorFor('current')} />
          )}
          {editing !== 'remove' && (
            <>
              <PassphraseField id="new-passphrase" label={i18n.t('newPassphrase')} value={next} onInput={setNext} error={errorFor('next')} autocomplete="new-password" />
              <PassphraseField id="repeat-passphrase" label={i18n.t('repeatPassphrase')} value={repeat} onInput={setRepeat} error={errorFor('repeat')} autocomplete="new-password" />
            </>
          )}
          <div class="actions">
            <button type="submit" class={editing === 'remove' ? 'danger' : 'primary'}>
              {editing === 'remove' ? i18n.t('removePassphrase') : i18n.t('savePassphrase')}
            </button>
            <button type="button" onClick={() => reset('none')}>
              {i18n.t('cancel')}
            </button>
          </div>
        </form>
      )}
      {status.hasPassphrase && effective && (
        <div class="field inline">
          <label for="auto-lock">{i18n.t('autoLockLabel')}</label>
          <select
            id="auto-lock"
            value={String(effective.autoLockMinutes)}
            aria-describedby={maxAutoLock !== undefined ? 'auto-lock-policy' : undefined}
            onChange={(e) => void call('setAutoLock', { minutes: Number(e.currentTarget.value) })}
          >
            {[...new Set([...AUTO_LOCK_CHOICES, effective.autoLockMinutes])]
              .filter((minutes) => maxAutoLock === undefined || minutes <= maxAutoLock)
              .sort((a, b) => a - b)
              .map((minutes) => (
              <option key={minutes} value={String(minutes)}>
                {minutes}
              </option>
            ))}
          </select>
          {maxAutoLock !== undefined && <PolicyNote id="auto-lock-policy" detail={i18n.t('autoLockMaxHint', [String(maxAutoLock)])} />}
        </div>
      )}
    </section>
  );
}
