import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { expandItem, savedConnectionText, visible } from './popup-driver';
import {
  CREDENTIALS_PATH,
  PROMPT_TITLE,
  PORTAL,
  generateKey,
  openCredentialsByNavigation,
  promptCount,
  promptFrame,
  waitForPrompt,
} from './portal-driver';
import { useTestBed } from './test-bed';

/** Long enough for a prompt that was going to appear to have appeared (it takes a frame). */
const QUIET_MS = 1_500;

describe('capture: a freshly generated key is offered and saved in one click', () => {
  const bed = useTestBed();
  let portal: Page;
  beforeEach(async () => {
    await portal?.close();
    portal = await bed.extension.context.newPage();
    // The first-run manager tab opens on install; the admin's portal tab is the one in front.
    await portal.bringToFront();
  });

  const savedIn = (name: string) => savedConnectionText(() => bed.extension.openExtensionPage('popup.html'), name);

  it.each(['dialog-input', 'div-code', 'shadow', 'plain-hex', 'slow'])(
    'variant %s: prompt with the name prefilled, Save, then Test now says Connected',
    async (variant) => {
      await openCredentialsByNavigation(portal, variant);
      const name = `ServiceNow ${variant}`;
      const key = await generateKey(portal, name, `spoke for ${variant}`);
      bed.server.api.setScenario(key, 'ok');

      const dialog = await waitForPrompt(portal);
      expect(await dialog.getByRole('textbox', { name: 'Connection name' }).inputValue()).toBe(name);
      // The key never lands in the page's DOM attributes through us: the frame knows an offer id only.
      const frameSrc = (await portal.locator('iframe').last().getAttribute('src')) ?? '';
      expect(frameSrc).not.toContain(key);
      expect(await portal.evaluate((k) => document.documentElement.outerHTML.includes(`="${k}`), key)).toBe(false);

      await dialog.getByRole('button', { name: 'Save connection' }).click();
      await visible(dialog.getByText(`Saved as “${name}”.`));
      await dialog.getByRole('button', { name: 'Test now' }).click();
      await visible(dialog.getByText('Connected'));
      expect(await promptCount(portal)).toBe(1);

      const item = await savedIn(name);
      expect(item).toContain('captured');
      expect(item).toContain(`spoke for ${variant}`);
      expect(item).toContain('Connected');
    },
  );

  it('works on a direct load of the credentials page and stays through in-app navigation', async () => {
    await portal.goto(`${PORTAL}${CREDENTIALS_PATH}`);
    await portal.getByRole('tab', { name: 'CREDENTIALS' }).click();
    await generateKey(portal, 'Direct load');
    await waitForPrompt(portal);
    await portal.getByRole('button', { name: 'Close', exact: true }).click();
    await portal.getByRole('link', { name: 'Users' }).click();
    await portal.waitForTimeout(500);
    expect(await promptCount(portal)).toBe(1);
    await promptFrame(portal).getByRole('button', { name: 'Not now' }).click();
    await portal.locator('iframe').waitFor({ state: 'detached' });
  });

  it('takes no focus: Escape in the prompt gives focus back to the page and keeps the offer', async () => {
    await openCredentialsByNavigation(portal);
    await generateKey(portal, 'Escaped');
    const dialog = await waitForPrompt(portal);
    // The page keeps its focus when the prompt appears (the portal's pop-up, here).
    const before = await portal.evaluate(() => document.activeElement?.tagName);
    expect(before).not.toBe('IFRAME');
    await portal.getByRole('button', { name: 'Copy', exact: true }).focus();
    const name = dialog.getByRole('textbox', { name: 'Connection name' });
    await name.click();
    expect(await portal.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
    await name.press('Escape');
    await expect.poll(() => portal.evaluate(() => document.activeElement?.textContent)).toBe('Copy');
    expect(await promptCount(portal)).toBe(1);
  });

  it('Enter saves once the user has acted in the prompt, not on focus alone', async () => {
    await openCredentialsByNavigation(portal);
    await generateKey(portal, 'Saved by Enter');
    const dialog = await waitForPrompt(portal);
    const name = dialog.getByRole('textbox', { name: 'Connection name' });
    // Focus given by script (as a page can do) is not acting: Enter does nothing.
    await name.focus();
    await name.press('Enter');
    await visible(dialog.getByText('Enter does nothing yet'));
    // Typing in the field is acting.
    await name.press('End');
    await name.press('Enter');
    await visible(dialog.getByText('Saved as “Saved by Enter”.'));
    expect(await savedIn('Saved by Enter')).toContain('captured');
  });

  it('does not prompt on other portal pages, for unrelated Generate buttons or hex ids', async () => {
    await portal.goto(`${PORTAL}/`);
    await portal.waitForTimeout(QUIET_MS);
    expect(await promptCount(portal)).toBe(0);
    await portal.goto(`${PORTAL}/settings/administration/users`);
    await portal.getByRole('button', { name: 'Generate report' }).click();
    await portal.getByRole('button', { name: 'Generate', exact: true }).click();
    await portal.waitForTimeout(QUIET_MS);
    expect(await promptCount(portal)).toBe(0);
  });

  it('replaces the key of a same-named connection only in the review window, and the popup can undo it', async () => {
    await openCredentialsByNavigation(portal);
    const first = await generateKey(portal, 'Rotated');
    await (await waitForPrompt(portal)).getByRole('button', { name: 'Save connection' }).click();
    await visible(promptFrame(portal).getByText('Saved as “Rotated”.'));
    // Playwright may not see the end of a click whose frame goes away under it: what counts is that it went.
    await promptFrame(portal).getByRole('button', { name: 'Close' }).click({ timeout: 5_000 }).catch(() => undefined);
    await portal.locator(`iframe[title="${PROMPT_TITLE}"]`).waitFor({ state: 'detached' });
    await portal.getByRole('button', { name: 'Close', exact: true }).click();

    const second = await generateKey(portal, 'Rotated');
    expect(second).not.toBe(first);
    bed.server.api.setScenario(first, 'ok');
    bed.server.api.setScenario(second, 'ok');
    const dialog = await waitForPrompt(portal);
    const opened = bed.extension.context.waitForEvent('page');
    await dialog.getByRole('button', { name: 'Replace key in Rotated' }).click();
    const review = await opened;
    expect(review.url()).toMatch(/\/review\.html#offer=[^&]+&replace=/);
    expect(review.url()).not.toContain(second.slice(6));
    await visible(review.getByRole('heading', { name: 'Replace the key of “Rotated”?' }));
    // Both keys' last characters, and each key's company as a test tells it.
    await visible(review.getByRole('region', { name: 'Key saved now' }).getByText(`…${first.slice(-4)}`));
    await visible(review.getByRole('region', { name: 'Captured key' }).getByText(`…${second.slice(-4)}`));
    await visible(review.getByRole('region', { name: 'Captured key' }).getByText('Acme Corp', { exact: false }));
    await review.getByRole('button', { name: 'Replace key in Rotated' }).click();
    await visible(review.getByText('Key replaced in “Rotated”.'));
    await review.close();
    // The prompt in the portal knows its offer was handled.
    await visible(promptFrame(portal).getByText('This key was handled in the extension’s window.'));

    const popup = await bed.extension.openExtensionPage('popup.html');
    const item = await expandItem(popup, 'Rotated');
    expect(await item.textContent()).toContain('Key replaced');
    await item.getByRole('button', { name: 'Reveal API key' }).click();
    await visible(item.getByText(second));
    await item.getByRole('button', { name: 'Undo key change' }).click();
    await visible(popup.getByText('Previous key restored in Rotated.'));
    // The stale reveal is hidden after the change; revealing again shows the restored key.
    await item.getByRole('button', { name: 'Reveal API key', pressed: false }).click();
    await visible(item.getByText(first));
    await popup.close();
  });

  it('"Never on this site" stops the prompt until allowed again from the popup', async () => {
    await openCredentialsByNavigation(portal);
    await generateKey(portal, 'Never one');
    await (await waitForPrompt(portal)).getByRole('button', { name: 'Never on this site' }).click();
    await portal.locator('iframe').waitFor({ state: 'detached' });
    await portal.getByRole('button', { name: 'Close', exact: true }).click();
    await generateKey(portal, 'Never two');
    await portal.waitForTimeout(QUIET_MS);
    expect(await promptCount(portal)).toBe(0);

    const popup = await bed.extension.openExtensionPage('popup.html');
    await popup.getByText('Settings').click();
    await popup.getByRole('button', { name: `Allow prompt again on ${PORTAL}` }).click();
    await visible(popup.getByText('None. The save prompt is offered on every SmartRecruiters site.'));
    await popup.close();

    await portal.getByRole('button', { name: 'Close', exact: true }).click();
    await generateKey(portal, 'Never three');
    await waitForPrompt(portal);
  });

  it('moves to the next corner when asked, and the next prompt remembers it', async () => {
    await openCredentialsByNavigation(portal);
    await generateKey(portal, 'Moved once');
    const frame = portal.locator(`iframe[title="${PROMPT_TITLE}"]`);
    const dialog = await waitForPrompt(portal);
    const before = (await frame.boundingBox())!;
    await dialog.getByRole('button', { name: 'Move this prompt to the next corner' }).click();
    await expect.poll(async () => (await frame.boundingBox())!.y).toBeGreaterThan(before.y);
    // Moved means armed again from zero: it takes clicks once it has held still.
    await promptFrame(portal).locator('body[data-armed="true"]').waitFor({ state: 'attached' });
    await dialog.getByRole('button', { name: 'Not now' }).click();
    await frame.waitFor({ state: 'detached' });
    await portal.getByRole('button', { name: 'Close', exact: true }).click();
    await generateKey(portal, 'Moved twice');
    await waitForPrompt(portal);
    const next = (await frame.boundingBox())!;
    expect(next.y).toBeGreaterThan(before.y);
  });
});
