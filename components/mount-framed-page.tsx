import { i18n } from '#i18n';
import { type VNode, render } from 'preact';
import type { ActionGate, Refusal } from '@/lib/prompt/action-gate';
import { startFramedPage } from '@/lib/prompt/framed-page';

export interface FramedView {
  /** Counts the offers: a new one re-arms the page's buttons. */
  generation: number;
  gate: ActionGate;
  refusal: { reason: Refusal; at: number } | undefined;
  /** Tells the content script that framed this page. */
  tell: ReturnType<typeof startFramedPage>['host']['tell'];
}

/**
 * Starts an extension page framed into someone else's page (the save prompt, the fill picker)
 * and draws it again at each offer and each refused action.
 */
export function mountFramedPage(title: string, view: (props: FramedView) => VNode) {
  // index.html says lang="en"; the text shown is in whichever locale the browser picked.
  document.documentElement.lang = i18n.t('htmlLang');
  document.title = title;
  const app = document.getElementById('app')!;
  let generation = 0;
  let refusal: FramedView['refusal'];
  const { gate, host } = startFramedPage({
    onOffer() {
      generation++;
      show();
    },
    onRefusal(reason) {
      refusal = { reason, at: performance.now() };
      show();
    },
  });
  function show() {
    render(view({ generation, gate, refusal, tell: (message) => host.tell(message) }), app);
  }
  show();
}
