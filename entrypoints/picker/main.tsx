import { i18n } from '#i18n';
import { render } from 'preact';
import { FillPicker } from '@/components/FillPicker';
import type { Refusal } from '@/lib/prompt/action-gate';
import { startFramedPage } from '@/lib/prompt/framed-page';
import '@/components/app.css';

// index.html says lang="en"; the text shown is in whichever locale the browser picked.
document.documentElement.lang = i18n.t('htmlLang');
document.title = i18n.t('pickerTitle');

const app = document.getElementById('app')!;
let generation = 0;
let refusal: { reason: Refusal; at: number } | undefined;

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
  render(<FillPicker generation={generation} gate={gate} refusal={refusal} close={() => host.tell({ type: 'close' })} />, app);
}
show();
