import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Connection, TestResult } from '@/lib/connections/schema';
import type { FieldErrors } from '@/lib/connections/validate-input';
import { call } from '@/lib/messaging/call';
import type { OfferView } from '@/lib/messaging/protocol';
import { TestResultView } from './TestResultView';
import { UnlockForm } from './UnlockForm';
import { failureText, inputErrorText } from './messages';
import { ErrorAlert } from './ErrorAlert';

type Phase =
  | { kind: 'loading' }
  | { kind: 'asking'; offer: OfferView }
  | { kind: 'saved'; connection: Connection; replaced: boolean; testing: boolean; result?: TestResult }
  | { kind: 'failed'; message: string };

/**
 * The one-click save prompt shown beside the portal's one-time key pop-up. It never holds the
 * key: it asks the background for its tab's offer, and the background keeps the key until Save
 * or dismissal. `generation` counts the content script's "an offer is waiting" signals; the
 * frame may load (hidden) before the first.
 */
export function CapturePrompt({ generation, close }: { generation: number; close(): void }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string>();
  /** Set when Save met a locked vault: the prompt asks for the passphrase, then saves. */
  const [unlockFor, setUnlockFor] = useState<'new' | 'replace'>();
  const nameField = useRef<HTMLInputElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void call('getOffer', {}).then((outcome) => {
      // Loaded ahead of the key: nothing to offer yet is expected, and the frame is still hidden.
      if (!outcome.ok && generation === 0) return;
      if (!outcome.ok) return setPhase({ kind: 'failed', message: failureText(outcome.error.code) });
      setName(outcome.value.name);
      setErrors({});
      setFailure(undefined);
      setUnlockFor(undefined);
      setPhase({ kind: 'asking', offer: outcome.value });
    });
  }, [generation]);

  const offerId = phase.kind === 'asking' ? phase.offer.offerId : '';

  useEffect(() => {
    if (phase.kind === 'asking') nameField.current?.focus();
    if (phase.kind === 'saved' || phase.kind === 'failed') closeButton.current?.focus();
  }, [phase.kind]);

  async function save(mode: 'new' | 'replace') {
    const conflict = phase.kind === 'asking' ? phase.offer.conflict : null;
    const outcome = await call('saveOffer', {
      offerId,
      name,
      mode,
      ...(mode === 'replace' && conflict && { replaceId: conflict.id }),
    });
    setUnlockFor(!outcome.ok && outcome.error.code === 'locked' ? mode : undefined);
    if (!outcome.ok && outcome.error.code === 'locked') return setFailure(undefined);
    if (!outcome.ok) {
      setErrors(outcome.error.fields ?? {});
      setFailure(outcome.error.fields ? undefined : failureText(outcome.error.code));
      return;
    }
    setPhase({ kind: 'saved', connection: outcome.value, replaced: mode === 'replace', testing: false });
  }

  async function dismiss(never: boolean) {
    await call('dismissOffer', { offerId, never });
    close();
  }

  async function testNow(connection: Connection) {
    setPhase({ kind: 'saved', connection, replaced: phase.kind === 'saved' && phase.replaced, testing: true });
    const outcome = await call('testConnection', { id: connection.id });
    setPhase((current) =>
      current.kind === 'saved' ? { ...current, testing: false, result: outcome.ok ? outcome.value : undefined } : current,
    );
    if (!outcome.ok) setFailure(failureText(outcome.error.code));
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    if (phase.kind === 'asking') void dismiss(false);
    else close();
  }

  const nameError = errors.name;
  return (
    <div role="dialog" aria-labelledby="prompt-title" class="prompt" onKeyDown={onKeyDown}>
      <h1 id="prompt-title">{i18n.t('promptTitle')}</h1>
      {phase.kind === 'loading' && <p class="muted">{i18n.t('promptLoading')}</p>}
      {phase.kind === 'asking' && unlockFor && (
        <UnlockForm idPrefix="prompt-unlock" onUnlocked={() => void save(unlockFor)} />
      )}
      {phase.kind === 'asking' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save('new');
          }}
        >
          <p>{i18n.t('promptQuestion')}</p>
          <div class="field">
            <label for="prompt-name">{i18n.t('fieldName')}</label>
            <input
              id="prompt-name"
              ref={nameField}
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
          {phase.offer.conflict && <p class="muted">{i18n.t('promptConflict', [phase.offer.conflict.name])}</p>}
          <ErrorAlert text={failure} />
          <div class="actions">
            <button type="submit" class="primary">
              {i18n.t('promptSave')}
            </button>
            {phase.offer.conflict && (
              <button type="button" onClick={() => void save('replace')}>
                {i18n.t('promptReplace', [phase.offer.conflict.name])}
              </button>
            )}
            <button type="button" onClick={() => void dismiss(false)}>
              {i18n.t('promptNotNow')}
            </button>
            <button type="button" class="link" onClick={() => void dismiss(true)}>
              {i18n.t('promptNever')}
            </button>
          </div>
        </form>
      )}
      {phase.kind === 'saved' && (
        <div>
          <p role="status">
            {phase.replaced
              ? i18n.t('promptReplaced', [phase.connection.name])
              : i18n.t('promptSaved', [phase.connection.name])}
          </p>
          <div role="status" aria-live="polite">
            {phase.testing && <p class="muted">{i18n.t('testing')}</p>}
            {phase.result && <TestResultView result={phase.result} />}
          </div>
          <ErrorAlert text={failure} />
          <div class="actions">
            <button type="button" class="primary" disabled={phase.testing} onClick={() => void testNow(phase.connection)}>
              {i18n.t('promptTestNow')}
            </button>
            <button type="button" ref={closeButton} onClick={close}>
              {i18n.t('promptClose')}
            </button>
          </div>
        </div>
      )}
      {phase.kind === 'failed' && (
        <div>
          <ErrorAlert text={phase.message} />
          <div class="actions">
            <button type="button" ref={closeButton} onClick={close}>
              {i18n.t('promptClose')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
