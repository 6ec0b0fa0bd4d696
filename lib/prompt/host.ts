import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { frameStyle, openTopLayer, probePoints, sameBox, styleProblem } from './frame-integrity';
import { type FramedPage, type HostToPrompt, challengeMessage, hostPortName, readPromptMessage } from './host-channel';
import { type Box, CORNERS, type Corner, placePrompt } from './placement';

/** A frame prepared for a Generate that never showed a key is dropped after this long. */
const PREPARED_FOR_MS = 60_000;
const RECONNECT_MS = 100;
const MAX_RELOADS = 5;
const RELOAD_WINDOW_MS = 5_000;

/** At most `max` events per sliding window of `windowMs`. */
function createRateLimit(max: number, windowMs: number) {
  const times: number[] = [];
  return {
    allow(): boolean {
      const now = performance.now();
      while (times.length > 0 && now - times[0]! > windowMs) times.shift();
      if (times.length >= max) return false;
      times.push(now);
      return true;
    },
  };
}

type Port = ReturnType<typeof browser.runtime.connect>;

export interface ShowOptions {
  /** The portal's pop-up (or its box in this viewport), to keep clear of. */
  avoid?: Element | Box | null;
  /** The corner the user last chose. */
  corner?: Corner;
}

const isCorner = (value: string): value is Corner => (CORNERS as readonly string[]).includes(value);

/** The element a hit test of this document returns for a node: its outermost shadow host. */
function hitTarget(node: Element): Element {
  let target = node;
  for (let root = target.getRootNode(); root instanceof ShadowRoot; root = target.getRootNode()) target = root.host;
  return target;
}

/** A plain box: a DOMRect's fields are getters, lost in a spread. */
function boxOf(el: Element): Box {
  const { left, top, width, height } = el.getBoundingClientRect();
  return { left, top, width, height };
}

function randomChallenge(): string {
  return Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join('');
}

/**
 * Frames the save prompt into the portal's top frame (or the fill picker into ServiceNow's: the
 * same rules hold for both, `page` says which) and keeps it honest. The prompt is an
 * extension page (the portal can neither read nor script inside it) in an <iframe> that the page
 * can still move, clip, fade, cover, restyle, focus and measure. So:
 * - the frame is a popover in the top layer (above everything the page draws, and inside the
 *   page's modal dialog when one is open, so it is never inert), one fixed size for every offer;
 * - every animation frame this script checks that it is attached, on top, unstyled by the page,
 *   where it was put, wholly in the viewport and what a hit test finds at its corners and centre,
 *   repairs what it can, and tells the prompt to arm again from zero whenever any of that changed;
 * - the prompt acts on a click or key only after asking, over a port only the document in our
 *   frame can take up, how long all of that has held (host-channel.ts).
 * The frame's URL carries nothing: the prompt asks the background for its tab's offer.
 */
export function createPromptHost(ctx: ContentScriptContext, { title, page }: { title: string; page: FramedPage }) {
  const src = browser.runtime.getURL(page);
  const extensionOrigin = browser.runtime.getURL('/').replace(/\/$/, '');
  let frame: HTMLIFrameElement | undefined;
  /** Our own (re)insertion loads the frame once; any other load is the page navigating it. */
  let expectLoad = false;
  /** The port to the document in our frame, named after the challenge only that document was given. */
  let port: Port | undefined;
  let visible = false;
  let avoid: Element | Box | null = null;
  let corner: Corner = 'top-right';
  let box: Box = { left: 0, top: 0, width: 0, height: 0 };
  let style = '';
  let beneath = new Set<Element>();
  /** Set when something entered the top layer after us (a popover shown, a dialog opened). */
  let topLayerChanged = false;
  let signature = '';
  let stableSince = 0;
  let raf = 0;
  let dropUnused: ReturnType<typeof setTimeout> | undefined;
  let lastFocus: Element | null = null;
  const reloads = createRateLimit(MAX_RELOADS, RELOAD_WINDOW_MS);
  const attributeWatch = new MutationObserver(() => undefined);

  function dropPort(): void {
    const previous = port;
    port = undefined;
    previous?.disconnect();
  }

  function send(message: HostToPrompt): void {
    try {
      port?.postMessage(message);
    } catch {
      port = undefined;
    }
  }

  /** Opens the port named after the challenge; if the background is stopped, opens it again. */
  function openPort(challenge: string): void {
    const opened = browser.runtime.connect({ name: hostPortName(page, challenge) });
    opened.onMessage.addListener(onPromptMessage);
    opened.onDisconnect.addListener(() => {
      if (port !== opened) return;
      port = undefined;
      // The prompt keeps its challenge and joins again too.
      setTimeout(() => port === undefined && frame && openPort(challenge), RECONNECT_MS);
    });
    port = opened;
  }

  /** Gives the document now in our frame a new challenge, and opens the port named after it. */
  function connect(): void {
    if (!frame?.contentWindow) return;
    dropPort();
    const challenge = randomChallenge();
    // Only a document of our extension's origin in *our* frame receives it.
    frame.contentWindow.postMessage(challengeMessage(challenge), extensionOrigin);
    openPort(challenge);
  }

  function create(): HTMLIFrameElement {
    const iframe = document.createElement('iframe');
    iframe.title = title;
    iframe.setAttribute('popover', 'manual');
    iframe.src = src;
    // A page can restyle the frame after our check and put it back before the next: every change
    // of its attributes leaves a record here, which no page script can take back.
    attributeWatch.disconnect();
    attributeWatch.observe(iframe, { attributes: true });
    iframe.addEventListener('load', () => {
      if (iframe !== frame) return;
      if (!expectLoad) {
        replace();
        if (visible) mount();
        return;
      }
      expectLoad = false;
      connect();
    });
    expectLoad = true;
    return iframe;
  }

  /**
   * The page navigated our frame or set an attribute of its own on it (sandbox, allow…): a new
   * frame element takes its place; mount() loads it (as often as `reloads` allows).
   */
  function replace(): void {
    dropPort();
    const old = frame;
    frame = create();
    old?.remove();
  }

  /** Sets the frame's inline style; the record of our own change is not the page's tampering. */
  function applyStyle(): void {
    frame?.setAttribute('style', style);
    attributeWatch.takeRecords();
  }

  /** A modal dialog makes everything outside it inert: the prompt then sits inside the newest one. */
  function container(): Element {
    const modals = [...document.querySelectorAll('dialog:modal')];
    return modals.find((m) => !beneath.has(m)) ?? modals.at(-1) ?? document.body;
  }

  function place(): void {
    const viewport = { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
    const keepClear = avoid instanceof Element ? (avoid.isConnected ? boxOf(avoid) : null) : avoid;
    box = placePrompt(viewport, keepClear, corner);
    style = frameStyle(box, !visible);
  }

  /** Puts the frame in its container, styled, and on top of the top layer. */
  function mount(): void {
    if (!frame) return;
    place();
    const target = container();
    if (frame.parentElement !== target) {
      const move = (target as Element & { moveBefore?: (node: Node, child: Node | null) => void }).moveBefore;
      try {
        if (!frame.isConnected || !move) throw new Error('cannot move');
        // A state-preserving move: the prompt is not reloaded.
        move.call(target, frame, null);
      } catch {
        // Loading the prompt again costs the user's machine real work: a page that keeps
        // removing it gets it back at most a few times a second.
        if (!reloads.allow()) return;
        if (frame.isConnected) frame.remove();
        expectLoad = true;
        dropPort();
        frame.src = src;
        attributeWatch.takeRecords();
        target.append(frame);
      }
    }
    applyStyle();
    if (frame.matches(':popover-open')) frame.hidePopover();
    frame.showPopover();
    beneath = new Set(openTopLayer(document).filter((el) => el !== frame));
    topLayerChanged = false;
  }

  /** What is wrong with the frame now, or its box when all is well. */
  function check(): string {
    if (!frame?.isConnected || !frame.matches(':popover-open')) return 'detached';
    const changed = attributeWatch.takeRecords().map((record) => record.attributeName);
    if (frame.getAttribute('src') !== src || changed.some((name) => name !== 'style')) return 'navigated';
    if (changed.length > 0) return 'restyled';
    if (frame.parentElement !== container()) return 'inert';
    if (topLayerChanged || openTopLayer(document).some((el) => el !== frame && !beneath.has(el))) return 'covered';
    if (frame.getAttribute('style') !== style) return 'restyled';
    const problem = styleProblem(getComputedStyle(frame));
    if (problem) return problem;
    const rect = frame.getBoundingClientRect();
    if (!sameBox(rect, box)) return 'moved';
    const { clientWidth, clientHeight } = document.documentElement;
    if (rect.left < 0 || rect.top < 0 || rect.right > clientWidth + 0.5 || rect.bottom > clientHeight + 0.5) return 'outside';
    const target = hitTarget(frame);
    for (const [x, y] of probePoints(box)) if (document.elementFromPoint(x, y) !== target) return 'hidden';
    return `ok ${box.left} ${box.top} ${box.width} ${box.height}`;
  }

  /** Measures; when anything changed, the prompt arms again from zero. Returns how long all has held. */
  function measure(): number {
    const now = performance.now();
    const seen = check();
    if (seen !== signature) {
      signature = seen;
      stableSince = now;
      send({ type: 'changed' });
    }
    return seen.startsWith('ok') ? now - stableSince : 0;
  }

  function repair(): void {
    if (signature.startsWith('ok')) return;
    if (signature === 'outside') place();
    if (signature === 'navigated') replace();
    if (['detached', 'navigated', 'inert', 'covered', 'hidden', 'outside'].includes(signature)) mount();
    else applyStyle();
  }

  function watch(): void {
    measure();
    repair();
    raf = requestAnimationFrame(watch);
  }

  function startWatching(): void {
    cancelAnimationFrame(raf);
    signature = '';
    raf = requestAnimationFrame(watch);
  }

  function onToggle(event: Event): void {
    if (event.target !== frame && (event as ToggleEvent).newState === 'open') topLayerChanged = true;
  }

  function onFocusIn(event: Event): void {
    const target = event.composedPath()[0];
    if (target instanceof Element && target !== frame) lastFocus = target;
  }

  function onResize(): void {
    place();
    applyStyle();
  }

  function onPromptMessage(raw: unknown): void {
    const message = readPromptMessage(raw);
    switch (message?.type) {
      case 'confirm':
        return send({ type: 'confirmed', id: message.id, stableMs: visible ? measure() : 0 });
      case 'close':
        return remove();
      case 'move':
        if (!isCorner(message.corner)) return;
        corner = message.corner;
        avoid = null;
        return onResize();
      case 'leave':
        if (lastFocus?.isConnected) (lastFocus as HTMLElement).focus?.();
        else frame?.blur();
        return;
    }
  }

  document.addEventListener('toggle', onToggle, true);
  document.addEventListener('focusin', onFocusIn, true);
  window.addEventListener('resize', onResize);

  function remove(): void {
    cancelAnimationFrame(raf);
    clearTimeout(dropUnused);
    dropPort();
    frame?.remove();
    frame = undefined;
    visible = false;
  }

  /** Loads the prompt, hidden, ahead of the key it will offer. */
  function prepare(): void {
    if (!frame) {
      frame = create();
      mount();
    }
    clearTimeout(dropUnused);
    dropUnused = setTimeout(() => !visible && remove(), PREPARED_FOR_MS);
  }

  /** Shows the prompt for the offer the background just made for this tab. */
  function show(options: ShowOptions = {}): void {
    clearTimeout(dropUnused);
    avoid = options.avoid ?? null;
    if (options.corner) corner = options.corner;
    frame ??= create();
    visible = true;
    mount();
    // A prompt that has loaded hears it now; one still loading asks when its port opens.
    send({ type: 'offer' });
    startWatching();
  }

  ctx.onInvalidated(() => {
    remove();
    document.removeEventListener('toggle', onToggle, true);
    document.removeEventListener('focusin', onFocusIn, true);
    window.removeEventListener('resize', onResize);
  });

  return {
    prepare,
    show,
    /** Takes the prompt away (the offer was answered, or there is none to show). */
    hide: remove,
    /** The toolbar shortcut: keyboard users reach the prompt without the page's help. */
    focus(): void {
      if (visible) frame?.focus();
    },
  };
}

