import { browser } from 'wxt/browser';
import { call } from '../messaging/call';
import { type PromptToHost, PROMPT_PORT, readChallenge, readHostMessage } from './host-channel';

/** A confirmation that does not come back in this long counts as "not stable": nothing happens. */
const CONFIRM_TIMEOUT_MS = 1_000;

export interface HostLink {
  /** How long the frame has been where it is, whole and on top, as the content script sees it now; 0 when unknown. */
  confirm(): Promise<number>;
  tell(message: Exclude<PromptToHost, { type: 'proof' } | { type: 'confirm' }>): void;
}

/**
 * The prompt's side of host-channel.ts: connects to the top frame's content script, proves it is
 * the document in the frame that script made (by sending back the challenge posted into it),
 * and hears about offers and changes to the frame.
 */
export function connectToHost(events: { onOffer(): void; onChanged(): void }): HostLink {
  let port: ReturnType<typeof browser.tabs.connect> | undefined;
  let challenge: string | undefined;
  let nextId = 0;
  const pending = new Map<number, (stableMs: number) => void>();

  const prove = () => challenge && port?.postMessage({ type: 'proof', challenge });

  window.addEventListener('message', (event) => {
    // Anyone can post here; only the content script that made this frame knows the challenge.
    const received = event.source === window.parent ? readChallenge(event.data) : undefined;
    if (received === undefined) return;
    challenge = received;
    prove();
  });

  void call('promptTab', {}).then((outcome) => {
    if (!outcome.ok) return;
    port = browser.tabs.connect(outcome.value.tabId, { frameId: 0, name: PROMPT_PORT });
    port.onMessage.addListener((raw) => {
      const message = readHostMessage(raw);
      if (message?.type === 'offer') events.onOffer();
      if (message?.type === 'changed') events.onChanged();
      if (message?.type === 'confirmed') pending.get(message.id)?.(message.stableMs);
    });
    port.onDisconnect.addListener(() => {
      port = undefined;
      for (const resolve of pending.values()) resolve(0);
    });
    prove();
  });

  return {
    confirm() {
      const id = ++nextId;
      return new Promise((resolve) => {
        const done = (stableMs: number) => {
          pending.delete(id);
          clearTimeout(timer);
          resolve(stableMs);
        };
        const timer = setTimeout(() => done(0), CONFIRM_TIMEOUT_MS);
        pending.set(id, done);
        if (!port) return done(0);
        port.postMessage({ type: 'confirm', id });
      });
    },
    tell(message) {
      port?.postMessage(message);
    },
  };
}
