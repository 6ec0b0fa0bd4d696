import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type HostSignal, fromPromptMessage, toChannelMessage } from './prompt-channel';

const WIDTH_PX = 380;
const INITIAL_HEIGHT_PX = 220;
/** A frame prepared for a Generate that never showed a key is dropped after this long. */
const PREPARED_FOR_MS = 60_000;

interface Frame {
  iframe: HTMLIFrameElement;
  wrapper: HTMLElement;
  readonly loaded: boolean;
  remove(): void;
}

/**
 * Frames the save prompt (an extension page, so the portal's CSS and scripts cannot reach into
 * it) at the top right of the portal. The frame's URL carries nothing: the prompt asks the
 * background for its tab's offer, so no key or id ever sits in the page's DOM.
 *
 * The frame is prepared, hidden, on Generate: loading an extension page takes longer than
 * everything else between a key appearing and the prompt showing it. The prompt then stays
 * until the user answers it; in-app navigation does not remove it.
 */
export function createPromptHost(ctx: ContentScriptContext, title: string) {
  let frame: Frame | undefined;
  let dropUnused: ReturnType<typeof setTimeout> | undefined;

  function post(target: Frame, signal: HostSignal): void {
    const send = () => target.iframe.contentWindow?.postMessage(toChannelMessage(signal), new URL(target.iframe.src).origin);
    if (target.loaded) send();
    else target.iframe.addEventListener('load', send, { once: true });
  }

  // Built by hand rather than with WXT's createIframeUi, whose anchoring machinery would add a
  // tenth to the content script for a frame that is always just the last child of <body>.
  function create(): Frame {
    const load = { done: false };
    const wrapper = document.createElement('div');
    const iframe = document.createElement('iframe');
    wrapper.style.cssText = `all: initial; display: block; position: fixed; top: 16px; right: 16px; z-index: 2147483647; width: ${WIDTH_PX}px;`;
    iframe.title = title;
    // Hidden with `visibility` (on the frame itself: the wrapper's `all: initial` would not pass
    // it down), not `display: none`, so it is laid out and painted ahead and shows in one frame.
    iframe.style.cssText = `all: initial; display: block; visibility: hidden; width: 100%; height: ${INITIAL_HEIGHT_PX}px; border: 0; color-scheme: normal;`;
    iframe.src = browser.runtime.getURL('/prompt.html');
    iframe.addEventListener('load', () => (load.done = true), { once: true });
    const onMessage = (event: MessageEvent) => {
      // Only the frame we made may steer it; the page can post messages too.
      if (event.source !== iframe.contentWindow) return;
      const signal = fromPromptMessage(event.data);
      if (signal?.type === 'resize') iframe.style.height = `${signal.height + 2}px`;
      if (signal?.type === 'close') hide();
    };
    window.addEventListener('message', onMessage);
    wrapper.append(iframe);
    document.body.append(wrapper);
    const remove = () => {
      window.removeEventListener('message', onMessage);
      wrapper.remove();
    };
    ctx.onInvalidated(remove);
    return {
      iframe,
      wrapper,
      get loaded() {
        return load.done;
      },
      remove,
    };
  }

  /** Loads the prompt, hidden, ahead of the key it will offer. */
  function prepare(): void {
    frame ??= create();
    clearTimeout(dropUnused);
    dropUnused = setTimeout(() => frame?.iframe.style.visibility === 'hidden' && hide(), PREPARED_FOR_MS);
  }

  /** Shows the prompt for the offer the background just made for this tab. */
  function show(): void {
    clearTimeout(dropUnused);
    frame ??= create();
    post(frame, { type: 'offer' });
    frame.iframe.style.visibility = 'visible';
    if (frame.loaded) frame.iframe.focus();
    else frame.iframe.addEventListener('load', () => frame?.iframe.focus(), { once: true });
  }

  function hide(): void {
    clearTimeout(dropUnused);
    frame?.remove();
    frame = undefined;
  }

  return { prepare, show, hide };
}
