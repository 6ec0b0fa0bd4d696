import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createIframeUi } from 'wxt/utils/content-script-ui/iframe';
import { fromPromptMessage } from './prompt-channel';

const WIDTH_PX = 380;
const INITIAL_HEIGHT_PX = 220;

/**
 * Frames the save prompt (an extension page, so the portal's CSS and scripts cannot reach into
 * it) at the top right of the portal. Only the offer id goes into the frame's URL, never the key.
 * The prompt stays until the user answers it; in-app navigation does not remove it.
 */
export function createPromptHost(ctx: ContentScriptContext, title: string) {
  let current: { offerId: string; remove(): void } | undefined;

  function show(offerId: string): void {
    if (current?.offerId === offerId) return;
    current?.remove();
    const ui = createIframeUi<() => void>(ctx, {
      // WXT types the page as a bare path; a query is fine at run time (it is passed to getURL).
      page: `/prompt.html?offer=${encodeURIComponent(offerId)}` as '/prompt.html',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(wrapper, iframe) {
        wrapper.style.cssText = `all: initial; position: fixed; top: 16px; right: 16px; z-index: 2147483647; width: ${WIDTH_PX}px;`;
        iframe.title = title;
        iframe.style.cssText = `all: initial; display: block; width: 100%; height: ${INITIAL_HEIGHT_PX}px; border: 0; color-scheme: normal;`;
        iframe.addEventListener('load', () => iframe.focus(), { once: true });
        const onMessage = (event: MessageEvent) => {
          // Only the frame we made may steer it; the page can post messages too.
          if (event.source !== iframe.contentWindow) return;
          const signal = fromPromptMessage(event.data);
          if (signal?.type === 'resize') iframe.style.height = `${signal.height + 2}px`;
          if (signal?.type === 'close') hide();
        };
        window.addEventListener('message', onMessage);
        return () => window.removeEventListener('message', onMessage);
      },
      onRemove: (stopListening) => stopListening?.(),
    });
    ui.mount();
    current = { offerId, remove: () => ui.remove() };
  }

  function hide(): void {
    current?.remove();
    current = undefined;
  }

  return { show, hide };
}
