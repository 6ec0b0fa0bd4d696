import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { call } from '@/lib/messaging/call';
import type { MessageResults } from '@/lib/messaging/protocol';
import { ErrorAlert } from './ErrorAlert';
import { UnlockForm } from './UnlockForm';
import { environmentText, failureText } from './messages';
import { useLockStatus } from './use-lock-status';

/**
 * The first fill into a ServiceNow instance is confirmed here: an extension window no page can
 * draw over, with the extension's address in its title bar. Anyone can own a *.service-now.com
 * instance, so the user says once, for each, that it may receive keys (withdrawn in the manager).
 */
export function FillConfirm({ requestId }: { requestId: string }) {
  const lock = useLockStatus();
  const [asked, setAsked] = useState<MessageResults['getFillConfirmation']>();
  const [failure, setFailure] = useState<string>();
  const [done, setDone] = useState<string>();

  useEffect(() => {
    void call('getFillConfirmation', { requestId }).then((outcome) =>
      outcome.ok ? setAsked(outcome.value) : setFailure(failureText(outcome.error.code)),
    );
  }, [requestId]);

  async function confirm() {
    const outcome = await call('confirmFill', { requestId });
    if (!outcome.ok) return setFailure(failureText(outcome.error.code));
    setFailure(undefined);
    setDone(i18n.t('confirmFillDone', [outcome.value.name, asked?.host ?? '']));
  }

  async function cancel() {
    await call('cancelFill', { requestId });
    window.close();
  }

  const locked = lock?.hasPassphrase === true && !lock.unlocked;
  return (
    <div class="app app-page review">
      <h1>{asked ? i18n.t('confirmFillQuestion', [asked.name, asked.host]) : i18n.t('confirmFillWindowTitle')}</h1>
      {asked && (
        <p class="muted">
          {i18n.t('confirmFillExplain', [asked.host])} ({environmentText(asked.url)})
        </p>
      )}
      {locked && <UnlockForm idPrefix="confirm-unlock" />}
      <ErrorAlert text={failure} />
      {done ? (
        <div>
          <p role="status">{done}</p>
          <button type="button" onClick={() => window.close()}>
            {i18n.t('promptClose')}
          </button>
        </div>
      ) : (
        asked && (
          <div class="actions">
            <button type="button" class="primary" disabled={locked} onClick={() => void confirm()}>
              {i18n.t('confirmFillSend', [asked.host])}
            </button>
            <button type="button" onClick={() => void cancel()}>
              {i18n.t('cancel')}
            </button>
          </div>
        )
      )}
    </div>
  );
}
