import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { call } from '@/lib/messaging/call';
import type { FillRequestView } from '@/lib/messaging/protocol';
import type { ActionGate, Refusal } from '@/lib/prompt/action-gate';
import { ErrorAlert } from './ErrorAlert';
import { categoryLabel, environmentText, failureText } from './messages';
import { refusalText } from './detail-messages';

type Phase =
  | { kind: 'loading' }
  | { kind: 'choosing'; request: FillRequestView }
  | { kind: 'confirming'; request: FillRequestView; name: string }
  | { kind: 'failed'; message: string };

/**
 * The fill picker, framed into a ServiceNow page beside the spoke's Create Connection form. It
 * lists the saved connections (names, environments, last verdicts; never a key) and names the
 * instance that will receive the key. One fixed size whatever it lists, and cross-origin, so the
 * page learns neither which nor how many connections exist. Every choice goes through the gate
 * (wholly visible and still for the arming time); the key goes from the background to the form,
 * never through here, and into an instance the user has not trusted yet only after a
 * confirmation in an extension window.
 */
export function FillPicker({
  generation,
  gate,
  refusal,
  close,
}: {
  generation: number;
  gate: ActionGate;
  refusal?: { reason: Refusal; at: number };
  close(): void;
}) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [notice, setNotice] = useState<string>();

  useEffect(() => {
    void call('getFillRequest', {}).then((outcome) => {
      // Loaded before any request: nothing to show yet, and the frame is still hidden.
      if (!outcome.ok && generation === 0) return;
      setNotice(undefined);
      setPhase(outcome.ok ? { kind: 'choosing', request: outcome.value } : { kind: 'failed', message: failureText(outcome.error.code) });
    });
  }, [generation]);

  useEffect(() => {
    if (refusal) setNotice(refusalText(refusal.reason));
  }, [refusal]);

  async function act(action: () => Promise<void> | void) {
    const refused = await gate.check();
    if (refused) return setNotice(refusalText(refused));
    setNotice(undefined);
    await action();
  }

  async function choose(request: FillRequestView, choice: FillRequestView['choices'][number]) {
    const outcome = await call('chooseFill', { requestId: request.requestId, connectionId: choice.id });
    if (!outcome.ok) return setNotice(failureText(outcome.error.code));
    // Filled: the background takes the picker away. Else the confirmation window is open.
    if (outcome.value.status === 'confirming') setPhase({ kind: 'confirming', request, name: choice.name });
  }

  async function cancel() {
    if (phase.kind === 'choosing' || phase.kind === 'confirming') await call('cancelFill', { requestId: phase.request.requestId });
    close();
  }

  return (
    <div role="dialog" aria-labelledby="picker-title" class="prompt picker">
      <h1 id="picker-title">{i18n.t('pickerTitle')}</h1>
      {phase.kind === 'loading' && <p class="muted">{i18n.t('promptLoading')}</p>}
      {phase.kind === 'failed' && <ErrorAlert text={phase.message} />}
      {(phase.kind === 'choosing' || phase.kind === 'confirming') && (
        <p>
          {i18n.t('pickerSendsTo')} <strong class="picker-host">{phase.request.host}</strong>
        </p>
      )}
      {phase.kind === 'choosing' &&
        (phase.request.choices.length === 0 ? (
          <p class="muted">{i18n.t('emptyList')}</p>
        ) : (
          <ul class="picker-list" aria-label={i18n.t('connectionsLabel')}>
            {phase.request.choices.map((choice) => {
              const about = `${environmentText(choice.url)} · ${choice.verdict ? categoryLabel(choice.verdict) : i18n.t('neverTested')}`;
              return (
                <li key={choice.id}>
                  <button
                    type="button"
                    class="picker-choice"
                    aria-label={`${choice.name} · ${about}`}
                    onClick={() => void act(() => choose(phase.request, choice))}
                  >
                    <span class="picker-name">{choice.name}</span>
                    <span class="muted">{about}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        ))}
      {phase.kind === 'confirming' && <p role="status">{i18n.t('pickerConfirmInWindow', [phase.name, phase.request.host])}</p>}
      <p role="status" class="prompt-notice">
        {notice}
      </p>
      <div class="actions">
        <button type="button" onClick={() => void cancel()}>
          {i18n.t('cancel')}
        </button>
      </div>
    </div>
  );
}
