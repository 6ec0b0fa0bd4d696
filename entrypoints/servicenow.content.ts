import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { extensionShadowRootOf } from '@/lib/capture/shadow-roots';
import { call } from '@/lib/messaging/call';
import { createPromptHost } from '@/lib/prompt/host';
import { fillConnectionForm, findConnectionForm } from '@/lib/servicenow/connection-form';
import { type FillAnswer, readServiceNowMessage } from '@/lib/servicenow/content-messages';
import { drawFillControl } from '@/lib/servicenow/fill-control';

/** How often the page is looked at again: Next Experience draws its dialogs inside shadow roots, which no observer of the document sees. */
const RESCAN_MS = 1_000;

/**
 * The ServiceNow helper, registered at run time only while the user has granted
 * `https://*.service-now.com/*` (lib/servicenow/registration.ts). In every frame it looks for
 * the spoke's Create Connection form and draws "Fill from SmartRecruiters Admin Helper" beside
 * its API Key field; the top frame shows the picker (an extension page, framed like the save
 * prompt). The key arrives here only after the user chose a connection in the picker and
 * confirmed this instance, and goes only into the form's fields.
 */
export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    const shadowRootOf = extensionShadowRootOf();
    const picker = window === window.top ? createPromptHost(ctx, { title: i18n.t('pickerTitle'), page: '/picker.html' }) : undefined;
    let control: { beside: Element; remove(): void; isAttached(): boolean } | undefined;

    function scan(): void {
      const form = findConnectionForm(document, shadowRootOf);
      if (control && (!form || control.beside !== form.apiKey || !control.isAttached())) {
        control.remove();
        control = undefined;
      }
      if (!form || control) return;
      const drawn = drawFillControl(form.apiKey, i18n.t('fillFromHelper'), () => void call('requestFill', {}));
      control = { beside: form.apiKey, ...drawn };
    }

    let pending: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(pending);
      pending = setTimeout(scan, 150);
    };
    const observer = new MutationObserver(soon);
    observer.observe(document, { childList: true, subtree: true });
    const timer = setInterval(scan, RESCAN_MS);
    scan();

    const onMessage = (raw: unknown, sender: { id?: string }, sendResponse: (answer: FillAnswer) => void) => {
      const message = sender.id === browser.runtime.id ? readServiceNowMessage(raw) : undefined;
      if (message?.type === 'show-picker') picker?.show();
      if (message?.type === 'hide-picker') picker?.hide();
      if (message?.type !== 'fill') return;
      // Only into the instance the user confirmed, and only into the form's own fields.
      const form = location.hostname === message.host ? findConnectionForm(document, shadowRootOf) : undefined;
      if (form) fillConnectionForm(form, message);
      sendResponse({ filled: form !== undefined });
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      observer.disconnect();
      clearInterval(timer);
      clearTimeout(pending);
      control?.remove();
    });
  },
});
