import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { savedConnectionText, visible } from './popup-driver';
import {
  PROMPT_TITLE,
  type PortalOptions,
  captionsFor,
  credentialsScope,
  generateKey,
  openCredentialsByNavigation,
  promptCount,
  waitForPrompt,
} from './portal-driver';
import { useTestBed } from './test-bed';

/** Long enough for a prompt that was going to appear to have appeared. */
const QUIET_MS = 2_000;

/**
 * Capture on portal shapes the detector has no caption or path for: other languages (Japanese
 * is in no list of ours), opaque paths, a native modal dialog in the top layer, a value set
 * seconds later with no DOM change, a closed shadow root, the whole flow in an iframe. And the
 * OAuth client flow, whose pop-up shows two values, neither an API key.
 */
describe('capture on any portal', () => {
  const bed = useTestBed();
  let portal: Page;
  beforeEach(async () => {
    await portal?.close();
    portal = await bed.extension.context.newPage();
    await portal.bringToFront();
  });

  const savedIn = (name: string) => savedConnectionText(() => bed.extension.openExtensionPage('popup.html'), name);

  it.each<[string, PortalOptions & { lang: string }]>([
    ['dialog-input', { lang: 'de' }],
    ['dialog-input', { lang: 'fr' }],
    ['dialog-input', { lang: 'ja', paths: 'opaque' }],
    ['plain-hex', { lang: 'ja', paths: 'opaque' }],
    ['native-dialog', { lang: 'de' }],
    ['native-dialog', { lang: 'ja', paths: 'opaque' }],
    ['late', { lang: 'fr', extraQuery: 'lateMs=6000' }],
    ['closed-shadow', { lang: 'ja' }],
    ['closed-shadow', { lang: 'en', paths: 'opaque' }],
    ['iframe', { lang: 'de' }],
    ['iframe', { lang: 'ja', paths: 'opaque' }],
  ])('%s %o: the prompt shows, prefilled, above the pop-up, and saves', async (variant, options) => {
    await openCredentialsByNavigation(portal, variant, options);
    const name = `${variant} ${options.lang} ${options.paths ?? ''}`.trim();
    const key = await generateKey(portal, name, `note ${variant}`, { lang: options.lang });
    const dialog = await waitForPrompt(portal);
    expect(await dialog.getByRole('textbox', { name: 'Connection name' }).inputValue()).toBe(name);
    expect(await portal.locator(`iframe[title="${PROMPT_TITLE}"]`).getAttribute('src')).not.toContain(key);
    // A real click at the button's place: in the top layer, above a modal dialog, not inert.
    await dialog.getByRole('button', { name: 'Save connection' }).click();
    await visible(dialog.getByText(`Saved as “${name}”.`));
    const item = await savedIn(name);
    expect(item).toContain('captured');
    expect(item).toContain(`note ${variant}`);
  });

  it.each([
    ['en', 'hex'],
    ['ja', 'base62'],
    ['de', 'hex'],
  ])('the OAuth client flow (%s, %s secret) is never offered', async (lang, secret) => {
    await openCredentialsByNavigation(portal, 'dialog-input', { lang, extraQuery: `oauthSecret=${secret}` });
    await generateKey(portal, `OAuth ${lang}`, '', { lang, type: 'oauth' });
    await portal.waitForTimeout(QUIET_MS);
    expect(await promptCount(portal)).toBe(0);
  });

  it('the native dialog stays usable: the prompt does not make the portal\'s pop-up inert', async () => {
    await openCredentialsByNavigation(portal, 'native-dialog');
    await generateKey(portal, 'Still usable');
    await waitForPrompt(portal);
    const close = credentialsScope(portal).getByRole('button', { name: captionsFor('en').close, exact: true });
    await close.click();
    await expect.poll(() => portal.locator('dialog[open]').count()).toBe(0);
    // The prompt outlives the pop-up it was shown beside.
    expect(await promptCount(portal)).toBe(1);
  });
});

/**
 * Manners: the prompt never covers the portal's key pop-up's buttons, and it is wholly visible,
 * at common desktop sizes and on a phone, in English and German.
 */
describe('the prompt beside the portal\'s pop-up', () => {
  const bed = useTestBed();

  it.each([
    [1366, 768, 'en'],
    [1024, 768, 'de'],
    [480, 800, 'en'],
    [360, 740, 'de'],
  ])('at %i×%i (%s) it is wholly visible and covers none of the pop-up\'s buttons', async (width, height, lang) => {
    const portal = await bed.extension.context.newPage();
    await portal.setViewportSize({ width, height });
    await portal.bringToFront();
    try {
      await openCredentialsByNavigation(portal, 'dialog-input', { lang });
      await generateKey(portal, `Viewport ${width}`, '', { lang });
      await waitForPrompt(portal);
      const frame = (await portal.locator(`iframe[title="${PROMPT_TITLE}"]`).boundingBox())!;
      const viewport = await portal.evaluate(() => ({ w: document.documentElement.clientWidth, h: document.documentElement.clientHeight }));
      expect(frame.x).toBeGreaterThanOrEqual(0);
      expect(frame.y).toBeGreaterThanOrEqual(0);
      expect(frame.x + frame.width).toBeLessThanOrEqual(viewport.w + 0.5);
      expect(frame.y + frame.height).toBeLessThanOrEqual(viewport.h + 0.5);
      const captions = captionsFor(lang);
      for (const name of [captions.copy, captions.close]) {
        const button = (await portal.getByRole('button', { name, exact: true }).boundingBox())!;
        const overlaps =
          button.x < frame.x + frame.width && frame.x < button.x + button.width && button.y < frame.y + frame.height && frame.y < button.y + button.height;
        expect(overlaps, `the prompt covers ${name}`).toBe(false);
      }
      if (width >= 1366) {
        // With room to spare, it covers no part of the pop-up at all.
        const popup = (await portal.getByRole('dialog', { name: captions.keyGenerated }).boundingBox())!;
        expect(frame.x >= popup.x + popup.width || frame.x + frame.width <= popup.x || frame.y >= popup.y + popup.height).toBe(true);
      }
      await portal.screenshot({ path: `test-results/prompt-${width}x${height}-${lang}.png` });
    } finally {
      await portal.close();
    }
  });
});
