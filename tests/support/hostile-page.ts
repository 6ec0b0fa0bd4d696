/**
 * What a hostile portal page does to the save prompt, as functions that run in the page's own
 * main world: pass them to Playwright's or puppeteer's `evaluate` with their argument. Shared by
 * the Chromium and Firefox attack suites, so that both browsers face the same page.
 */

type Box = { x: number; y: number; width: number; height: number };
type AttackWindow = Window & { __messages?: Array<{ origin: string; data: string }> };

/** Starts recording every `message` event the page's window receives. */
export function recordMessages(): void {
  const page = window as AttackWindow;
  page.__messages = [];
  window.addEventListener('message', (event) => page.__messages?.push({ origin: event.origin, data: String(JSON.stringify(event.data)) }));
}

/** The `message` events recorded so far. */
export function recordedMessages(): Array<{ origin: string; data: string }> {
  return (window as AttackWindow).__messages ?? [];
}

/** Everything the page can measure of the prompt's frame (found by `selector`) without touching it. */
export function measureFrame(selector: string) {
  const frame = document.querySelector<HTMLIFrameElement>(selector)!;
  const rect = frame.getBoundingClientRect();
  const computed = getComputedStyle(frame);
  const style: Record<string, string> = {};
  for (const name of computed) style[name] = computed.getPropertyValue(name);
  return {
    rect: [rect.x, rect.y, rect.width, rect.height],
    offset: [frame.offsetLeft, frame.offsetTop, frame.offsetWidth, frame.offsetHeight],
    client: [frame.clientWidth, frame.clientHeight, frame.scrollWidth, frame.scrollHeight],
    attributes: [...frame.attributes].map((a) => `${a.name}=${a.value}`),
    style,
    framesInPrompt: frame.contentWindow?.length,
    framesInPage: window.length,
    focused: document.activeElement === frame,
    popoverOpen: frame.matches(':popover-open'),
  };
}

/**
 * Shows the page's own popover after the prompt, so that it stacks above it in the top layer,
 * over `box` and letting clicks through (`pointer-events: none`): the user sees it, the click
 * lands in the prompt. From inside a closed shadow root, or in the document's light DOM.
 * `keepOnTop` shows it again every animation frame (the content script restacks the prompt above
 * any newcomer it sees).
 */
export function coverWithPopover({ box, text, inShadowRoot, keepOnTop }: { box: Box; text: string; inShadowRoot: boolean; keepOnTop: boolean }): void {
  const cover = document.createElement('div');
  cover.setAttribute('popover', 'manual');
  cover.textContent = text;
  cover.style.cssText = `position: fixed; inset: auto; margin: 0; border: 0; padding: 0; left: ${box.x}px; top: ${box.y}px; width: ${box.width}px; height: ${box.height}px; background: gold; font: 12px/12px sans-serif; overflow: hidden; pointer-events: none;`;
  if (inShadowRoot) {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'closed' }).append(cover);
    document.body.append(host);
  } else {
    document.body.append(cover);
  }
  cover.showPopover();
  const raise = () => {
    cover.hidePopover();
    cover.showPopover();
    requestAnimationFrame(raise);
  };
  if (keepOnTop) requestAnimationFrame(raise);
}
