import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createKeyDetector } from '@/lib/capture/detector';
import { boxInTopViewport } from '@/lib/capture/top-viewport';
import { extensionShadowRootOf } from '@/lib/capture/shadow-roots';
import { call } from '@/lib/messaging/call';
import { captureAllowed } from '@/lib/policy/capture-switch';
import { PORTAL_ORIGINS } from '@/lib/messaging/sender';
import { readContentMessage } from '@/lib/prompt/content-messages';
import { createPromptHost } from '@/lib/prompt/host';

/**
 * Capture: in any portal frame, notice a freshly generated key and offer to save it. The key goes
 * to the background once; the prompt is drawn by the top frame (over the whole page) and does
 * everything after that (save, dismiss) itself.
 */
export default defineContentScript({
  matches: PORTAL_ORIGINS.map((origin) => `${origin}/*`),
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    // captureEnabled: false (policy) turns capture off. A fresh Chromium profile answers its first
    // managed read only after seconds, and waiting for it missed the Generate click (and a late
    // prepared frame weakened the prompt's click guard). So the listeners go on at once, an offer
    // is not held back for the answer (the background refuses it under such a policy), and once
    // the answer says `false` they come off and nothing more is prepared or sent.
    let known: boolean | undefined;
    const allowed = captureAllowed(browser.storage.managed).then((yes) => (known = yes));
    const prompt = window === window.top ? createPromptHost(ctx, { title: i18n.t('promptTitle'), page: '/prompt.html' }) : undefined;
    const detector = createKeyDetector({
      root: document,
      shadowRootOf: extensionShadowRootOf(),
      onGenerate: () => known !== false && prompt?.prepare(),
      async onKey({ key, name, note, shownIn }) {
        if (known === false) return;
        const outcome = await call('offerCapturedKey', { key, name, note, shownIn: shownIn && boxInTopViewport(shownIn) });
        // Nothing to offer (the key is saved already, or never on this site): drop the prepared frame.
        if (!outcome.ok || !outcome.value) return prompt?.hide();
        prompt?.show({ avoid: shownIn, corner: outcome.value.corner });
      },
    });
    detector.start();
    ctx.onInvalidated(() => detector.stop());
    void allowed.then((yes) => {
      if (yes) return;
      detector.stop();
      prompt?.hide();
    });
    if (!prompt) return;
    const onMessage = (raw: unknown, sender: { id?: string }) => {
      const message = sender.id === browser.runtime.id ? readContentMessage(raw) : undefined;
      if (message?.type === 'show-prompt') prompt.show({ avoid: message.avoid, corner: message.corner });
      if (message?.type === 'focus-prompt') prompt.focus();
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
