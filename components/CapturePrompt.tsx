import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OFFERS_KEY } from '@/lib/capture/offers-key';
import type { Connection, TestResult } from '@/lib/connections/schema';
import type { FieldErrors } from '@/lib/connections/validate-input';
import { call } from '@/lib/messaging/call';
import type { OfferView } from '@/lib/messaging/protocol';
import type { ActionGate, Refusal } from '@/lib/prompt/action-gate';
import { type Corner, nextCorner } from '@/lib/prompt/placement';
import { TestResultView } from './TestResultView';
import { failureText } from './messages';
import { inputErrorText, refusalText } from './detail-messages';
import { ErrorAlert } from './ErrorAlert';
import { useLockStatus } from './use-lock-status';

type Phase =
  | { kind: 'loading' }
  | { kind: 'asking'; offer: OfferView }
  | { kind: 'saved'; connection: Connection; testing: boolean; result?: TestResult }
  | { kind: 'failed'; message: string };

export interface PromptHostActions {
  close(): void;
  move(corner: Corner): void;
}

/**
 * The one-click save prompt shown beside the portal's one-time key pop-up. It never holds the
 * key: it asks the background for its tab's offer, and the background keeps the key until Save
 * or dismissal. `generation` counts the content script's "an offer is waiting" signals; the
 * frame may load (hidden) before the first. Every action goes through the gate (action-gate.ts)
 * and a refusal is explained, never silently eaten. What a page must not drive from here
 * (replacing a key, unlocking) opens the review window instead.
 */
export function CapturePrompt({
  generation,
  gate,
  host,
  refusal,
}: {
  generation: number;
  gate: ActionGate;
  host: PromptHostActions;
  /** A refusal the gate gave outside an action (an early Enter). */
  refusal?: { reason: Refusal; at: number };
}) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string>();
  const [corner, setCorner] = useState<Corner>('top-right');
  const lock = useLockStatus();
  /** A save in flight drops the offer itself: that is not "handled elsewhere". */
  const saving = useRef(false);
  const locked = lock !== undefined && !lock.unlocked;

  useEffect(() => {
    void call('getOffer', {}).then((outcome) => {
      // Loaded ahead of the key: nothing to offer yet is expected, and the frame is still hidden.
      if (!outcome.ok && generation === 0) return;
      if (!outcome.ok) return setPhase({ kind: 'failed', message: failureText(outcome.error.code) });
      setName(outcome.value.name);
      setCorner(outcome.value.corner);
      setErrors({});
      setNotice(undefined);
      setPhase({ kind: 'asking', offer: outcome.value });
    });
  }, [generation]);

  useEffect(() => {
    if (refusal) setNotice(refusalText(refusal.reason));
  }, [refusal]);

  const offerId = phase.kind === 'asking' ? phase.offer.offerId : '';

  // Saved or replaced in the review window, or expired: this prompt has nothing left to offer.
  useEffect(() => {
    if (!offerId) return;
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'session' || !(OFFERS_KEY in changes)) return;
      void call('getOffer', { offerId }).then((outcome) => {
        if (outcome.ok || saving.current) return;
        setPhase((current) =>
          current.kind === 'asking' && current.offer.offerId === offerId
            ? { kind: 'failed', message: i18n.t('promptOfferHandled') }
            : current,
        );
      });
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, [offerId]);

  /** Runs an action if the gate lets it, else says why not. */
  async function act(action: () => Promise<void> | void) {
    const refused = await gate.check();
    if (refused) return setNotice(refusalText(refused));
    setNotice(undefined);
    await action();
  }

  async function save() {
    saving.current = true;
    const outcome = await call('saveOffer', { offerId, name, mode: 'new' });
    saving.current = false;
    if (!outcome.ok) {
      setErrors(outcome.error.fields ?? {});
      return setNotice(outcome.error.fields ? undefined : failureText(outcome.error.code));
    }
    setPhase({ kind: 'saved', connection: outcome.value, testing: false });
  }

  async function review(replaceId?: string) {
    const outcome = await call('openOfferReview', { offerId, ...(replaceId && { replaceId }) });
    setNotice(outcome.ok ? i18n.t('promptReviewOpened') : failureText(outcome.error.code));
  }

  async function dismiss(never: boolean) {
    await call('dismissOffer', { offerId, never });
    host.close();
  }

  async function testNow(connection: Connection) {
    setPhase({ kind: 'saved', connection, testing: true });
    const outcome = await call('testConnection', { id: connection.id });
    setPhase((current) =>
      current.kind === 'saved' ? { ...current, testing: false, result: outcome.ok ? outcome.value : undefined } : current,
    );
    if (!outcome.ok) setNotice(failureText(outcome.error.code));
  }

  function move() {
    const next = nextCorner(corner);
    setCorner(next);
    host.move(next);
    void call('setPromptCorner', { corner: next });
  }

  const nameError = errors.name;
  const conflict = phase.kind === 'asking' ? phase.offer.conflict : null;
  return (
    <div role="dialog" aria-labelledby="prompt-title" class="prompt">
      <div class="prompt-head">
        <h1 id="prompt-title">{i18n.t('promptTitle')}</h1>
        <button type="button" class="small" aria-label={i18n.t('promptMove')} title={i18n.t('promptMove')} onClick={() => void act(move)}>
          ⇲
        </button>
      </div>
      {phase.kind === 'loading' && <p class="muted">{i18n.t('promptLoading')}</p>}
      {phase.kind === 'asking' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!locked) void act(save);
          }}
        >
          <p>{locked ? i18n.t('promptLocked') : i18n.t('promptQuestion')}</p>
          <div class="field">
            <label for="prompt-name">{i18n.t('fieldName')}</label>
            <input
              id="prompt-name"
              value={name}
              autocomplete="off"
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? 'prompt-name-error' : undefined}
              onInput={(e) => setName(e.currentTarget.value)}
            />
            {nameError && (
              <small id="prompt-name-error" class="error">
                {inputErrorText(nameError)}
              </small>
            )}
          </div>
          {conflict && <p class="muted">{i18n.t('promptConflict', [conflict.name])}</p>}
          <p role="status" class="prompt-notice">
            {notice}
          </p>
          <div class="actions">
            {locked ? (
              <button type="button" class="primary" onClick={() => void act(() => review())}>
                {i18n.t('promptUnlockToSave')}
              </button>
            ) : (
              <button type="submit" class="primary">
                {i18n.t('promptSave')}
              </button>
            )}
            {conflict && (
              <button type="button" onClick={() => void act(() => review(conflict.id))}>
                {i18n.t('promptReplace', [conflict.name])}
              </button>
            )}
            <button type="button" onClick={() => void act(() => dismiss(false))}>
              {i18n.t('promptNotNow')}
            </button>
            <button type="button" class="link" onClick={() => void act(() => dismiss(true))}>
              {i18n.t('promptNever')}
            </button>
          </div>
        </form>
      )}
      {phase.kind === 'saved' && (
        <div>
          <p role="status">{i18n.t('promptSaved', [phase.connection.name])}</p>
          <div role="status" aria-live="polite">
            {phase.testing && <p class="muted">{i18n.t('testing')}</p>}
            {phase.result && <TestResultView result={phase.result} />}
          </div>
          <p role="status" class="prompt-notice">
            {notice}
          </p>
          <div class="actions">
            <button type="button" class="primary" disabled={phase.testing} onClick={() => void act(() => testNow(phase.connection))}>
              {i18n.t('promptTestNow')}
            </button>
            <button type="button" onClick={() => void act(host.close)}>
              {i18n.t('promptClose')}
            </button>
          </div>
        </div>
      )}
      {phase.kind === 'failed' && (
        <div>
          <ErrorAlert text={phase.message} />
          <div class="actions">
            <button type="button" onClick={host.close}>
              {i18n.t('promptClose')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
