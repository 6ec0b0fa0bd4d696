import { i18n } from '#i18n';
import { render } from 'preact';
import { CapturePrompt } from '@/components/CapturePrompt';
import { createClickGuard } from '@/lib/capture/click-guard';
import { type PromptSignal, fromHostMessage, toChannelMessage } from '@/lib/messaging/prompt-channel';
import '@/components/app.css';

// index.html says lang="en"; the text shown is in whichever locale the browser picked.
document.documentElement.lang = i18n.t('htmlLang');
document.title = i18n.t('promptTitle');

const tell = (signal: PromptSignal) => window.parent.postMessage(toChannelMessage(signal), '*');
const app = document.getElementById('app')!;

// Clicks count only once the prompt has been in view, uncovered and opaque, for a moment (see click-guard.ts).
// `data-armed` lives in this extension page's own DOM, never the portal's.
const guard = createClickGuard(
  () => performance.now(),
  (armed) => (document.body.dataset.armed = String(armed)),
);
document.addEventListener(
  'click',
  (event) => {
    if (guard.isArmed()) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  },
  true,
);
// `trackVisibility` (IntersectionObserver v2) is not in TypeScript's DOM types yet.
const visibility = { trackVisibility: true, delay: 100, threshold: [0] } as IntersectionObserverInit;
new IntersectionObserver((entries) => entries.forEach((entry) => guard.observe(entry)), visibility).observe(app);

// Each "an offer is waiting" from the framing page makes the prompt ask the background again.
let generation = 0;
const show = () => render(<CapturePrompt generation={generation} close={() => tell({ type: 'close' })} />, app);
window.addEventListener('message', (event) => {
  if (event.source !== window.parent || !fromHostMessage(event.data)) return;
  generation++;
  show();
});
show();
new ResizeObserver(() => tell({ type: 'resize', height: app.scrollHeight })).observe(app);
