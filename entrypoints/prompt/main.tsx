import { i18n } from '#i18n';
import { render } from 'preact';
import { CapturePrompt } from '@/components/CapturePrompt';
import { type Refusal, createActionGate } from '@/lib/prompt/action-gate';
import { ARMING_MS, createClickGuard } from '@/lib/prompt/click-guard';
import { connectToHost } from '@/lib/prompt/host-link';
import '@/components/app.css';

// index.html says lang="en"; the text shown is in whichever locale the browser picked.
document.documentElement.lang = i18n.t('htmlLang');
document.title = i18n.t('promptTitle');

const app = document.getElementById('app')!;
let generation = 0;
let refusal: { reason: Refusal; at: number } | undefined;

// `data-armed` lives in this extension page's own DOM, never the portal's: it says both halves
// of the guard agree (what tests, and nothing else, wait for).
let armedCheck: ReturnType<typeof setTimeout> | undefined;
async function showArmed(armed: boolean) {
  clearTimeout(armedCheck);
  if (!armed) return void (document.body.dataset.armed = 'false');
  const stableMs = await host.confirm();
  const agreed = guard.isArmed() && stableMs >= ARMING_MS;
  document.body.dataset.armed = String(agreed);
  if (!agreed && guard.isArmed()) armedCheck = setTimeout(() => void showArmed(true), Math.max(50, ARMING_MS - stableMs));
}

const guard = createClickGuard(() => performance.now(), (armed) => void showArmed(armed));
const host = connectToHost({
  onOffer() {
    // A new offer is new content: the full delay again (a page could swap a harmless offer for "Prod").
    guard.reset();
    generation++;
    show();
  },
  onChanged: () => guard.reset(),
});
const gate = createActionGate(guard, () => host.confirm());

// `trackVisibility` (IntersectionObserver v2) is not in TypeScript's DOM types yet.
const visibility = { trackVisibility: true, delay: 100, threshold: [0, 0.5, 0.99, 1] } as IntersectionObserverInit;
// The body is exactly the frame's viewport (its content scrolls inside it): all of it in view
// means all of the frame is.
new IntersectionObserver((entries) => entries.forEach((entry) => guard.observe(entry)), visibility).observe(document.body);

document.addEventListener('pointerdown', (event) => gate.note(event), true);
document.addEventListener(
  'keydown',
  (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      host.tell({ type: 'leave' });
      return;
    }
    const refused = gate.note(event);
    if (!refused) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    refusal = { reason: refused, at: performance.now() };
    show();
  },
  true,
);

function show() {
  render(
    <CapturePrompt
      generation={generation}
      gate={gate}
      refusal={refusal}
      host={{ close: () => host.tell({ type: 'close' }), move: (corner) => host.tell({ type: 'move', corner }) }}
    />,
    app,
  );
}
show();
