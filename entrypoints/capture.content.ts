import { i18n } from '#i18n';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createKeyDetector } from '@/lib/capture/detector';
import { call } from '@/lib/messaging/call';
import { createPromptHost } from '@/lib/messaging/prompt-host';
import { PORTAL_ORIGINS } from '@/lib/messaging/sender';

/**
 * Capture: on the portal, notice a freshly generated API key and offer to save it. The key goes
 * to the background once; everything after that (save, test, dismiss) happens in the prompt.
 */
export default defineContentScript({
  matches: PORTAL_ORIGINS.map((origin) => `${origin}/*`),
  runAt: 'document_idle',
  main(ctx) {
    const prompt = createPromptHost(ctx, i18n.t('promptTitle'));
    const detector = createKeyDetector({
      root: document,
      onGenerate: () => prompt.prepare(),
      async onKey({ key, name, note }) {
        const outcome = await call('offerCapturedKey', { key, name, note });
        // Nothing to offer (the key is saved already, or never on this site): drop the prepared frame.
        if (outcome.ok && outcome.value) prompt.show();
        else prompt.hide();
      },
    });
    detector.start();
    ctx.addEventListener(window, 'wxt:locationchange', () => detector.refresh());
    ctx.onInvalidated(() => detector.stop());
  },
});
