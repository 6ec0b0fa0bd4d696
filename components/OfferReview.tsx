import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import type { TestResult } from '@/lib/connections/schema';
import type { FieldErrors } from '@/lib/connections/validate-input';
import { call } from '@/lib/messaging/call';
import type { OfferView } from '@/lib/messaging/protocol';
import { ErrorAlert } from './ErrorAlert';
import { TestResultView } from './TestResultView';
import { UnlockForm } from './UnlockForm';
import { RequiredPassphraseForm } from './RequiredPassphraseForm';
import { failureText } from './messages';
import { inputErrorText } from './detail-messages';
import { useLockStatus } from './use-lock-status';

type Side = { keyEnd?: string; result?: TestResult; testing: boolean };
type Done = { kind: 'replaced' | 'saved'; name: string };

const keyEnd = (key: string) => `…${key.slice(-4)}`;

function KeySide({ label, side }: { label: string; side: Side }) {
  return (
    <section class="review-side" aria-label={label}>
      <h2>{label}</h2>
      <p>
        <code class="key">{side.keyEnd ?? '…'}</code>
      </p>
      <div role="status">
        {side.testing && <p class="result-pending">{i18n.t('testing')}</p>}
        {side.result && <TestResultView result={side.result} />}
      </div>
    </section>
  );
}

/**
 * The review window: an extension window no page can draw over, where a captured key replaces a
 * saved connection's key (after the user compares both keys' last characters and, where a test
 * can tell, their companies) and where a locked vault is unlocked to save one. The in-page
 * prompt never does either (see lib/messaging/sender.ts).
 */
export function OfferReview({ offerId, replaceId }: { offerId: string; replaceId?: string }) {
  const lock = useLockStatus();
  const unlocked = lock?.unlocked === true;
  const [offer, setOffer] = useState<OfferView>();
  const [failure, setFailure] = useState<string>();
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [incoming, setIncoming] = useState<Side>({ testing: false });
  const [outgoing, setOutgoing] = useState<Side>({ testing: false });
  const [done, setDone] = useState<Done>();

  useEffect(() => {
    void call('getOffer', { offerId }).then((outcome) => {
      if (!outcome.ok) return setFailure(failureText(outcome.error.code));
      setOffer(outcome.value);
      setName(outcome.value.name);
      setIncoming((side) => ({ ...side, keyEnd: outcome.value.keyEnd }));
    });
  }, [offerId]);

  // Once open, both keys are tested so the user can see they belong to the same company.
  useEffect(() => {
    if (!unlocked || !replaceId || !offer) return;
    setIncoming((side) => ({ ...side, testing: true }));
    setOutgoing((side) => ({ ...side, testing: true }));
    void call('revealKey', { id: replaceId }).then((outcome) =>
      setOutgoing((side) => ({ ...side, ...(outcome.ok && { keyEnd: keyEnd(outcome.value.key) }) })),
    );
    void call('testOfferKey', { offerId }).then((outcome) =>
      setIncoming((side) => ({ ...side, testing: false, ...(outcome.ok && { result: outcome.value }) })),
    );
    void call('testConnection', { id: replaceId }).then((outcome) =>
      setOutgoing((side) => ({ ...side, testing: false, ...(outcome.ok && { result: outcome.value }) })),
    );
  }, [unlocked, replaceId, offer?.offerId]);

  async function save(mode: 'new' | 'replace') {
    const outcome = await call('saveOffer', { offerId, name, mode, ...(mode === 'replace' && replaceId && { replaceId }) });
    if (!outcome.ok) {
      setErrors(outcome.error.fields ?? {});
      return setFailure(outcome.error.fields ? undefined : failureText(outcome.error.code));
    }
    setDone({ kind: mode === 'replace' ? 'replaced' : 'saved', name: outcome.value.name });
  }

  const target = replaceId && offer?.conflict?.id === replaceId ? offer.conflict : undefined;
  const title = target ? i18n.t('reviewReplaceTitle', [target.name]) : i18n.t('reviewSaveTitle');
  return (
    <div class="app app-page review">
      <h1>{title}</h1>
      {offer && <p class="muted">{i18n.t('reviewCaptured', [new URL(offer.origin).host, new Date(offer.capturedAt).toLocaleString()])}</p>}
      {lock && !unlocked && (lock.hasPassphrase ? <UnlockForm idPrefix="review-unlock" /> : <RequiredPassphraseForm idPrefix="review-required" />)}
      <ErrorAlert text={failure} />
      {done && (
        <div>
          <p role="status">
            {done.kind === 'replaced' ? i18n.t('promptReplaced', [done.name]) : i18n.t('promptSaved', [done.name])}
          </p>
          <button type="button" onClick={() => window.close()}>
            {i18n.t('promptClose')}
          </button>
        </div>
      )}
      {offer && unlocked && !done && target && (
        <div class="form">
          <div class="review-keys">
            <KeySide label={i18n.t('reviewOldKey')} side={outgoing} />
            <KeySide label={i18n.t('reviewNewKey')} side={incoming} />
          </div>
          <p class="muted">{i18n.t('reviewKeepsOld')}</p>
          {target.usedIn && <p class="warning">{i18n.t('usedInUpdateThere', [target.usedIn.join(', ')])}</p>}
          <div class="actions">
            <button type="button" class="primary" onClick={() => void save('replace')}>
              {i18n.t('promptReplace', [target.name])}
            </button>
            <button type="button" onClick={() => window.close()}>
              {i18n.t('cancel')}
            </button>
          </div>
        </div>
      )}
      {offer && unlocked && !done && !target && (
        <form
          class="form"
          onSubmit={(e) => {
            e.preventDefault();
            void save('new');
          }}
        >
          <div class="field">
            <label for="review-name">{i18n.t('fieldName')}</label>
            <input id="review-name" value={name} autocomplete="off" onInput={(e) => setName(e.currentTarget.value)} />
            {errors.name && <small class="error">{inputErrorText(errors.name)}</small>}
          </div>
          <div class="actions">
            <button type="submit" class="primary">
              {i18n.t('promptSave')}
            </button>
            <button type="button" onClick={() => window.close()}>
              {i18n.t('cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
