import { browser } from 'wxt/browser';
import { PROMPT_PORT, type PromptToHost, readChallenge, readHostMessage } from './host-channel';

/** A confirmation that does not come back in this long counts as "not stable": nothing happens. */
const CONFIRM_TIMEOUT_MS = 1_000;
const RECONNECT_MS = 100;
/** Port traffic keeps a service worker (or event page) awake while the prompt waits for the user. */
const PING_MS = 20_000;
/** Challenges tried before one joins; the content script sends one per load of this document. */
const MAX_CHALLENGES = 8;

type Port = ReturnType<typeof browser.runtime.connect>;

export interface HostLink {
  /** How long the frame has been where it is, whole and on top, as the content script sees it now; 0 when unknown. */
  confirm(): Promise<number>;
  tell(message: Exclude<PromptToHost, { type: 'confirm' }>): void;
}

/**
 * The prompt's side of host-channel.ts: once the content script that made this frame has posted
 * its challenge here, joins it through the background, and hears about offers and changes to
 * the frame.
 */
export function connectToHost(events: { onOffer(): void; onChanged(): void }): HostLink {
  let port: Port | undefined;
  let challenge: string | undefined;
  /** Joined to the content script: no other challenge is taken (a page may post fake ones to cut us off). */
  let joined = false;
  let attempts = 0;
  let nextId = 0;
  const pending = new Map<number, (stableMs: number) => void>();

  function open(): void {
    if (!challenge) return;
    const opened = browser.runtime.connect({ name: PROMPT_PORT });
    opened.onMessage.addListener((raw) => {
      const message = readHostMessage(raw);
      if (message?.type === 'joined') joined = true;
      if (message?.type === 'offer') events.onOffer();
      if (message?.type === 'changed') events.onChanged();
      if (message?.type === 'confirmed') pending.get(message.id)?.(message.stableMs);
    });
    opened.onDisconnect.addListener(() => {
      if (port !== opened) return;
      port = undefined;
      for (const resolve of pending.values()) resolve(0);
      setTimeout(() => port ?? open(), RECONNECT_MS);
    });
    opened.postMessage({ type: 'hello', challenge });
    port = opened;
  }

  window.addEventListener('message', (event) => {
    // Anyone can post here; only the content script that made this frame knows the challenge.
    const received = event.source === window.parent ? readChallenge(event.data) : undefined;
    if (received === undefined || received === challenge || joined || ++attempts > MAX_CHALLENGES) return;
    challenge = received;
    const previous = port;
    port = undefined;
    previous?.disconnect();
    open();
  });
  setInterval(() => port?.postMessage({ type: 'ping' }), PING_MS);

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
