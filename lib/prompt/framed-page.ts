import { type Refusal, createActionGate } from './action-gate';
import { ARMING_MS, createClickGuard } from './click-guard';
import { connectToHost } from './host-link';

export interface FramedPageEvents {
  /** New content for this frame is waiting (an offer, a fill request): the guard has started again. */
  onOffer(): void;
  /** The gate refused an early Enter or Space; the page explains it. */
  onRefusal(refusal: Refusal): void;
}

/**
 * What every extension page framed into a page we do not trust (the save prompt, the fill
 * picker) runs: the click guard fed by IntersectionObserver (v2 where there is one), the link to
 * the content script that framed it, and the action gate over both. `data-armed` on the body
 * says both halves agree; it lives in this extension page's DOM, never the host page's (tests,
 * and nothing else, wait for it).
 */
export function startFramedPage(events: FramedPageEvents) {
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
      // New content: the full delay again (a page could swap a harmless offer for "Prod").
      guard.reset();
      events.onOffer();
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
      events.onRefusal(refused);
    },
    true,
  );

  return { gate, host };
}
