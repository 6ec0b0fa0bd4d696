import type { FrameLocator, Locator, Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_KEYS } from '../support/fake-smartrecruiters.mjs';
import { addConnection, connectionItem, visible } from './popup-driver';
import {
  PORTAL,
  PROMPT_TITLE,
  generatedSoFar,
  generateKey,
  openCredentialsByNavigation,
  promptCount,
  promptFrame,
  waitForPrompt,
} from './portal-driver';
import { useTestBed } from './test-bed';

/**
 * A hostile (or XSS-compromised) portal page attacks the real save prompt: it restyles, moves,
 * fades, covers, swaps, focuses, measures, floods, copies and navigates the prompt's frame with
 * the plain DOM powers any page script has (`portal.evaluate` runs in the page's main world),
 * while the "user" clicks and types as a user does: at screen points, with trusted input. Each
 * attack must fail visibly ("Not done: …" in the prompt) and leave the vault as it was.
 */

const FRAME = `iframe[title="${PROMPT_TITLE}"]`;
/** The prompt's refusals start so (English); a refused click is never silent. */
const REFUSED = /^Not done:/;
/** Longer than the 500 ms the guard asks for: a guard that only counted time would be armed by now. */
const PAST_ARMING_MS = 1_200;
/** Long enough for a prompt or a window that was going to appear to have appeared. */
const QUIET_MS = 1_500;
const PROD_KEY = FAKE_KEYS.ok;

interface Point {
  x: number;
  y: number;
}
interface Box extends Point {
  width: number;
  height: number;
}

/** What the page's scripts keep on its window in these attacks. */
type AttackWindow = Window & {
  __stopAttacks?: Array<() => void>;
  __messages?: Array<{ origin: string; fromPrompt: boolean; data: string }>;
};

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not laid out');
  return box;
}
const centreOf = (box: Box): Point => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

/** A real user's click: a trusted press and release at a point on the screen, wherever the page put things. */
const userClick = (portal: Page, at: Point) => portal.mouse.click(at.x, at.y);

/** The prompt's own text saying a click or key did nothing, and why. */
const refusalIn = (frame: FrameLocator) => frame.getByText(REFUSED);

// ---------------------------------------------------------------------------------------------
// What the page does: each helper is a page script, run in the portal's main world.

/** Rewrites the prompt frame's inline style (`!important`) now and before every paint: a wrapper cannot clip or fade the top layer, this can. */
async function restyleEveryFrame(portal: Page, declarations: Record<string, string>): Promise<void> {
  await portal.evaluate(
    ([selector, wanted]) => {
      const page = window as AttackWindow;
      let on = true;
      (page.__stopAttacks ??= []).push(() => (on = false));
      const apply = () => {
        if (!on) return;
        const frame = document.querySelector<HTMLElement>(selector);
        for (const [name, value] of Object.entries(wanted)) frame?.style.setProperty(name, value, 'important');
        requestAnimationFrame(apply);
      };
      apply();
    },
    [FRAME, declarations] as const,
  );
}

const stopAttacks = (portal: Page) =>
  portal.evaluate(() => {
    const page = window as AttackWindow;
    for (const stop of page.__stopAttacks ?? []) stop();
    page.__stopAttacks = [];
  });

/** The page's own bait, drawn in the page (under the top layer) where it wants the user's click. */
async function decoy(portal: Page, box: Box, text: string): Promise<void> {
  await portal.evaluate(
    ({ box, text }) => {
      const button = document.createElement('button');
      button.textContent = text;
      button.style.cssText = `position: fixed; z-index: 2147483647; left: ${box.x}px; top: ${box.y}px; width: ${box.width}px; height: ${box.height}px; font-size: 20px; background: gold;`;
      document.body.append(button);
    },
    { box, text },
  );
}

/**
 * Shows the page's own popover after the prompt, so it stacks above it in the top layer, over the
 * prompt's box and letting clicks through (`pointer-events: none`). `keepOnTop` shows it again
 * every animation frame (the content script restacks the prompt when it sees a newcomer).
 */
async function coverWithPopover(portal: Page, box: Box, options: { inShadowRoot: boolean; keepOnTop: boolean }): Promise<void> {
  await portal.evaluate(
    ({ box, inShadowRoot, keepOnTop }) => {
      const page = window as AttackWindow;
      const cover = document.createElement('div');
      cover.setAttribute('popover', 'manual');
      cover.textContent = 'Claim your reward';
      cover.style.cssText = `position: fixed; inset: auto; margin: 0; border: 0; padding: 0; left: ${box.x}px; top: ${box.y}px; width: ${box.width}px; height: ${box.height}px; background: gold; font-size: 24px; pointer-events: none;`;
      if (inShadowRoot) {
        const host = document.createElement('div');
        host.attachShadow({ mode: 'closed' }).append(cover);
        document.body.append(host);
      } else {
        document.body.append(cover);
      }
      cover.showPopover();
      let on = true;
      (page.__stopAttacks ??= []).push(() => {
        on = false;
        cover.remove();
      });
      const raise = () => {
        if (!on) return;
        cover.hidePopover();
        cover.showPopover();
        requestAnimationFrame(raise);
      };
      if (keepOnTop) requestAnimationFrame(raise);
    },
    { box, ...options },
  );
}

/** Starts recording every `message` event the page's window receives. */
const recordMessages = (portal: Page) =>
  portal.evaluate((selector) => {
    const page = window as AttackWindow;
    page.__messages = [];
    window.addEventListener('message', (event) => {
      const ours = document.querySelector<HTMLIFrameElement>(selector)?.contentWindow;
      page.__messages!.push({ origin: event.origin, fromPrompt: event.source !== null && event.source === ours, data: String(JSON.stringify(event.data)) });
    });
  }, FRAME);

const messagesSoFar = (portal: Page) => portal.evaluate(() => (window as AttackWindow).__messages ?? []);

/** Everything the page can measure of the prompt's frame without touching it. */
const measureFrame = (portal: Page) =>
  portal.evaluate((selector) => {
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
  }, FRAME);

// ---------------------------------------------------------------------------------------------

describe('a hostile portal page cannot make the save prompt act', () => {
  const bed = useTestBed();
  let portal: Page;
  let opened: Page[] = [];
  let before: VaultView;

  interface VaultView {
    names: string[];
    prodKey: string;
  }

  /** The vault as the user sees it in the popup: the names listed, and Prod's key revealed. */
  async function vaultView(): Promise<VaultView> {
    const popup = await bed.extension.openExtensionPage('popup.html');
    try {
      const prod = await visible(connectionItem(popup, 'Prod'));
      const names = await popup
        .getByRole('list', { name: 'Connections' })
        .getByRole('listitem')
        .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
      await prod.getByRole('button', { name: 'Reveal API key' }).click();
      const key = prod.locator('code.key');
      await key.filter({ hasNotText: '•' }).waitFor();
      return { names: names.sort(), prodKey: (await key.textContent()) ?? '' };
    } finally {
      await popup.close();
    }
  }

  async function expectVaultUnchanged(): Promise<void> {
    const after = await vaultView();
    expect(after.prodKey).toBe(PROD_KEY);
    expect(after.names).toEqual(before.names);
  }

  /** Review windows (where a key replacement is confirmed) opened since the test began. */
  const reviewWindows = () => opened.filter((page) => page.url().includes('/review.html'));

  async function expectNoReviewWindow(): Promise<void> {
    await portal.waitForTimeout(QUIET_MS);
    expect(reviewWindows().map((page) => page.url())).toEqual([]);
  }

  beforeAll(async () => {
    bed.extension.context.on('page', (page) => opened.push(page));
    const popup = await bed.extension.openExtensionPage('popup.html');
    await addConnection(popup, { name: 'Prod', key: PROD_KEY });
    await visible(connectionItem(popup, 'Prod'));
    await popup.close();
  });

  beforeEach(async () => {
    before = await vaultView();
    expect(before.prodKey).toBe(PROD_KEY);
    opened = [];
    portal = await bed.extension.context.newPage();
    // The portal tab is the one in front: Chromium throttles background tabs, and keys go to the front one.
    await portal.bringToFront();
    await openCredentialsByNavigation(portal);
  });

  afterEach(async () => {
    await portal?.close();
    for (const page of opened) if (!page.isClosed()) await page.close();
  });

  it('1. clip: the page clips the frame down to "Replace key in Prod…" over its decoy; the click is refused', async () => {
    await generateKey(portal, 'Prod');
    const frame = promptFrame(portal);
    const replace = await visible(frame.getByRole('button', { name: 'Replace key in Prod' }));
    const frameBox = await boxOf(portal.locator(FRAME));
    const target = await boxOf(replace);
    await decoy(portal, frameBox, 'Click the yellow button to claim your reward');
    // Only the button's own rectangle of the prompt is left to see, on the page's bait.
    const inset = [
      target.y - frameBox.y,
      frameBox.x + frameBox.width - (target.x + target.width),
      frameBox.y + frameBox.height - (target.y + target.height),
      target.x - frameBox.x,
    ];
    await restyleEveryFrame(portal, { 'clip-path': `inset(${inset.map((n) => `${n}px`).join(' ')})` });
    await portal.waitForTimeout(PAST_ARMING_MS);

    await userClick(portal, centreOf(target));
    await visible(refusalIn(frame));
    await expectNoReviewWindow();
    await expectVaultUnchanged();
  });

  it.each([50, 5])('2. move: %i ms before the click the page moves the armed prompt under the cursor; Save is refused', async (leadMs) => {
    const name = `Moved ${leadMs} ms`;
    await generateKey(portal, name);
    const dialog = await waitForPrompt(portal);
    const frameBox = await boxOf(portal.locator(FRAME));
    const save = centreOf(await boxOf(dialog.getByRole('button', { name: 'Save connection' })));
    // The cursor rests on the page's bait, far from where the prompt was shown.
    const cursor = { x: 420, y: 420 };
    await decoy(portal, { x: cursor.x - 60, y: cursor.y - 20, width: 120, height: 40 }, 'Continue');
    await portal.mouse.move(cursor.x, cursor.y);

    // Puts the prompt's Save button right under the cursor, and keeps it there.
    await restyleEveryFrame(portal, { left: `${cursor.x - (save.x - frameBox.x)}px`, top: `${cursor.y - (save.y - frameBox.y)}px` });
    await portal.waitForTimeout(leadMs);
    await userClick(portal, cursor);

    await visible(refusalIn(promptFrame(portal)));
    expect(await promptFrame(portal).getByText('Saved as').count()).toBe(0);
    await expectNoReviewWindow();
    await expectVaultUnchanged();
  });

  it('3. swap: a new offer ("Prod") replaces an armed harmless one; a click 70 ms later is refused', async () => {
    await generateKey(portal, 'Harmless');
    await waitForPrompt(portal);
    // The user goes on with the portal while the harmless prompt shows and is armed.
    await portal.getByRole('button', { name: 'Close', exact: true }).click();
    await generateKey(portal, 'Prod');
    const replace = await visible(promptFrame(portal).getByRole('button', { name: 'Replace key in Prod' }), 5_000);
    const appeared = Date.now();
    const target = centreOf(await boxOf(replace));
    await portal.waitForTimeout(Math.max(0, 70 - (Date.now() - appeared)));
    await userClick(portal, target);
    // Still well inside the 500 ms the new content must be seen for, or the test proves nothing.
    expect(Date.now() - appeared).toBeLessThan(400);

    await visible(refusalIn(promptFrame(portal)));
    await expectNoReviewWindow();
    await expectVaultUnchanged();
  });

  it('4. sliver and Enter: the page keeps 3 px of the prompt in view and focuses it; Enter, Tab+Enter save nothing', async () => {
    await generateKey(portal, 'Sliver');
    const frame = promptFrame(portal);
    await waitForPrompt(portal);
    const viewportWidth = await portal.evaluate(() => document.documentElement.clientWidth);
    await restyleEveryFrame(portal, { left: `${viewportWidth - 3}px` });
    await portal.evaluate((selector) => document.querySelector<HTMLIFrameElement>(selector)!.focus(), FRAME);
    expect(await portal.evaluate((selector) => document.activeElement === document.querySelector(selector), FRAME)).toBe(true);
    await portal.waitForTimeout(PAST_ARMING_MS);

    // Focus the page gave is not the user acting in the prompt: Enter is explained, not obeyed.
    await portal.keyboard.press('Enter');
    await visible(frame.getByText(/^Enter does nothing yet/));
    // Tab is acting; Enter then reaches the first button (Move), then the name field (submits).
    for (let i = 0; i < 2; i++) {
      await portal.keyboard.press('Tab');
      await portal.keyboard.press('Enter');
      await visible(refusalIn(frame));
    }
    expect(await frame.getByText('Saved as').count()).toBe(0);
    await expectNoReviewWindow();
    await expectVaultUnchanged();
  });

  it.each(['0', '0.05'])('5. fade: the page keeps the frame at opacity %s over its decoy; the click is refused', async (opacity) => {
    await generateKey(portal, `Faded ${opacity}`);
    const frame = promptFrame(portal);
    await waitForPrompt(portal);
    const save = centreOf(await boxOf(frame.getByRole('button', { name: 'Save connection' })));
    await decoy(portal, await boxOf(portal.locator(FRAME)), 'Click anywhere to continue');
    await restyleEveryFrame(portal, { opacity });
    await portal.waitForTimeout(PAST_ARMING_MS);

    await userClick(portal, save);
    await visible(refusalIn(frame));
    expect(await frame.getByText('Saved as').count()).toBe(0);
    await expectVaultUnchanged();
  });

  it.each([
    ['in the document, raised again every frame', { inShadowRoot: false, keepOnTop: true }],
    ['in a closed shadow root, shown once', { inShadowRoot: true, keepOnTop: false }],
  ])('6. cover: the page shows its own click-through popover over the prompt (%s); the click is refused', async (_how, options) => {
    await generateKey(portal, 'Covered');
    const frame = promptFrame(portal);
    await waitForPrompt(portal);
    const save = centreOf(await boxOf(frame.getByRole('button', { name: 'Save connection' })));
    await coverWithPopover(portal, await boxOf(portal.locator(FRAME)), options);
    await portal.waitForTimeout(PAST_ARMING_MS);
    // The user sees the page's cover there, but a click at that point goes through it to the prompt.
    expect(await portal.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName, save)).toBe('IFRAME');

    await userClick(portal, save);
    await visible(refusalIn(frame));
    expect(await frame.getByText('Saved as').count()).toBe(0);
    await expectVaultUnchanged();
  });

  it('7. oracle: the page measures the same frame for a name that is saved and one that is not, and hears nothing', async () => {
    await recordMessages(portal);
    await generateKey(portal, 'Prod');
    await waitForPrompt(portal);
    await visible(promptFrame(portal).getByRole('button', { name: 'Replace key in Prod' }));
    const matching = await measureFrame(portal);
    const src = (await portal.locator(FRAME).getAttribute('src')) ?? '';

    await portal.getByRole('button', { name: 'Close', exact: true }).click();
    const otherKey = await generateKey(portal, 'Stag');
    const dialog = await waitForPrompt(portal);
    await expect.poll(() => dialog.getByRole('textbox', { name: 'Connection name' }).inputValue()).toBe('Stag');
    const other = await measureFrame(portal);

    expect(other).toEqual(matching);
    // The frame's URL is the bare prompt page: no key, no name, no offer.
    expect(src).toBe(`chrome-extension://${bed.extension.extensionId}/prompt.html`);
    expect(src).not.toContain(otherKey);
    // The prompt goes (the user's own Not now), and nothing was ever posted to the page.
    await userClick(portal, centreOf(await boxOf(dialog.getByRole('button', { name: 'Not now' }))));
    await portal.locator(FRAME).waitFor({ state: 'detached' });
    expect(await messagesSoFar(portal)).toEqual([]);
  });

  it('8. flood: the page fills the form and clicks Generate 300 times itself; no offer, no prompt', async () => {
    const rounds = 3;
    await portal.evaluate(async (rounds) => {
      const until = async (find: () => Element | null | undefined) => {
        for (let i = 0; i < 100; i++) {
          const found = find();
          if (found) return found as HTMLElement;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        throw new Error('the replica did not show what the flood expected');
      };
      const button = (text: string) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
      for (let round = 0; round < rounds; round++) {
        (await until(() => button('NEW CREDENTIAL'))).click();
        (await until(() => document.querySelector('input[name="credential-type"][value="api-key"]'))).click();
        (await until(() => button('Next'))).click();
        const name = (await until(() => document.querySelector('#credential-name'))) as HTMLInputElement;
        name.value = `Flood ${round}`;
        name.dispatchEvent(new Event('input', { bubbles: true }));
        const generate = await until(() => button('Generate'));
        for (let i = 0; i < 50; i++) generate.click();
        for (let i = 0; i < 25; i++) {
          for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
            generate.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, composed: true }));
          }
          generate.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
        }
        (await until(() => button('Close'))).click();
      }
    }, rounds);
    // The replica did make a key each round: there was something to capture.
    expect((await generatedSoFar(portal)).length).toBe(rounds);
    await portal.waitForTimeout(QUIET_MS);

    expect(await portal.locator(FRAME).count()).toBe(0);
    expect(await promptCount(portal)).toBe(0);
    const tabIds = await bed.extension.serviceWorker.evaluate(
      async (portal) => (await chrome.tabs.query({ url: `${portal}/*` })).map((tab) => tab.id),
      PORTAL,
    );
    expect(tabIds).toHaveLength(1);
    const pending = await bed.extension.serviceWorker.evaluate(async () => (await chrome.storage.session.get('pendingOffers')).pendingOffers ?? {});
    expect(Object.values(pending as Record<string, { tabId?: number }>).filter((offer) => offer.tabId === tabIds[0])).toEqual([]);
  });

  it('9. copy: the page frames prompt.html itself under the cursor; a click on its Save is refused', async () => {
    await generateKey(portal, 'Copied');
    await waitForPrompt(portal);
    const src = (await portal.locator(FRAME).getAttribute('src')) ?? '';
    await portal.evaluate((src) => {
      const copy = document.createElement('iframe');
      copy.id = 'page-copy';
      copy.src = src;
      copy.style.cssText = 'position: fixed; z-index: 2147483647; left: 40px; top: 300px; width: 380px; height: 272px; border: 0;';
      document.body.append(copy);
    }, src);
    expect(portal.frames().filter((f) => f.url() === src)).toHaveLength(2);
    const copy = portal.frameLocator('#page-copy');
    const save = await visible(copy.getByRole('button', { name: 'Save connection' }));
    await portal.waitForTimeout(PAST_ARMING_MS);

    await userClick(portal, centreOf(await boxOf(save)));
    await visible(refusalIn(copy), 5_000);
    expect(await copy.getByText('Saved as').count()).toBe(0);
    await expectVaultUnchanged();
  });

  it.each([
    ['frames[i].location', 'location'],
    ['its src', 'src'],
  ])('10. navigation: the page navigates the frame (%s); a fresh prompt shows the same offer, the stale click is refused', async (_how, how) => {
    await generateKey(portal, 'Navigated');
    const dialog = await waitForPrompt(portal);
    const staleSave = centreOf(await boxOf(dialog.getByRole('button', { name: 'Save connection' })));
    await portal.evaluate(
      ([selector, how]) => {
        const frame = document.querySelector<HTMLIFrameElement>(selector)!;
        (window as AttackWindow & { __navigated?: Element }).__navigated = frame;
        if (how === 'src') frame.src = 'about:blank';
        else frame.contentWindow!.location.href = 'about:blank';
      },
      [FRAME, how] as const,
    );
    // The content script drops the navigated frame and frames the prompt anew.
    await portal.waitForFunction(() => !(window as AttackWindow & { __navigated?: Element }).__navigated?.isConnected);
    const fresh = promptFrame(portal);
    await visible(fresh.getByRole('button', { name: 'Save connection' }));
    await userClick(portal, staleSave);
    await visible(refusalIn(fresh));

    await waitForPrompt(portal);
    expect(await fresh.getByRole('textbox', { name: 'Connection name' }).inputValue()).toBe('Navigated');
    expect(await portal.locator(FRAME).count()).toBe(1);
    expect(await fresh.getByText('Saved as').count()).toBe(0);
    await expectVaultUnchanged();
  });

  it('control: with no attack, a real click on Save connection once the prompt is armed saves', async () => {
    await generateKey(portal, 'Control');
    const dialog = await waitForPrompt(portal);
    await userClick(portal, centreOf(await boxOf(dialog.getByRole('button', { name: 'Save connection' }))));
    await visible(dialog.getByText('Saved as “Control”.'));
    const after = await vaultView();
    expect(after.prodKey).toBe(PROD_KEY);
    expect(after.names).toEqual([...before.names, 'Control'].sort());
  });
});
