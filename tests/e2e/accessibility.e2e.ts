import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FAKE_KEYS } from '../support/fake-smartrecruiters.mjs';
import { addConnection, connectionItem, gone, testItem, visible } from './popup-driver';
import { useTestBed } from './test-bed';

const SCHEMES = ['light', 'dark'] as const;

/** Serious and critical axe findings, one line each, so a failure names the rule and the element. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} (${node.failureSummary ?? ''})`));
}

/** Checks the page as it is in both colour schemes; contrast differs between them. */
async function expectAccessible(page: Page) {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), colorScheme).toEqual([]);
  }
}

/** The accessible name of whatever has focus, as a keyboard user would hear it. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return (el?.getAttribute('aria-label') ?? el?.labels?.[0]?.textContent ?? el?.textContent ?? '').trim();
  });

/** Presses Tab until the named control has focus; fails after `limit` presses. */
async function tabTo(page: Page, name: string, limit = 30): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if ((await focusedName(page)) === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

describe('accessibility of the popup and the manager (axe, keyboard)', () => {
  const bed = useTestBed();

  async function openPopup(): Promise<Page> {
    const popup = await bed.extension.openExtensionPage('popup.html');
    await visible(popup.getByRole('button', { name: 'Add connection' }));
    return popup;
  }

  it('popup: empty list', async () => {
    const popup = await openPopup();
    await visible(popup.getByText('No connections yet.', { exact: false }));
    await expectAccessible(popup);
    await popup.close();
  });

  it('popup: add form showing validation errors', async () => {
    const popup = await openPopup();
    await popup.getByRole('button', { name: 'Add connection' }).click();
    await popup.getByLabel('Connection URL').fill('http://api.smartrecruiters.com');
    await popup.getByLabel('API key').fill('DCRA1-abc def');
    await popup.getByRole('button', { name: 'Save' }).click();
    await visible(popup.getByText('Enter a connection name.'));
    // Focus goes to the first field in error, whose message is its description.
    await expect.poll(() => focusedName(popup)).toBe('Connection name');
    await expectAccessible(popup);
    await popup.close();
  });

  it('keyboard only: adds a connection and reaches every button of it', async () => {
    const popup = await openPopup();
    await tabTo(popup, 'Add connection');
    await popup.keyboard.press('Enter');
    // The form puts focus in its first field (once it has rendered: wait, as a person would look).
    await expect.poll(() => focusedName(popup)).toBe('Connection name');
    await popup.keyboard.type('Keyboard only');
    await tabTo(popup, 'API key', 3);
    await popup.keyboard.type(FAKE_KEYS.ok);
    await popup.keyboard.press('Enter');
    const item = await visible(connectionItem(popup, 'Keyboard only'));
    // The closed form hands the focus back to the toolbar (in an effect: wait, as a person would look).
    await expect.poll(() => focusedName(popup)).toBe('Add connection');

    // The row: its name (which expands it) and Test connection; Enter opens the details in place.
    await tabTo(popup, 'Keyboard only');
    expect(await item.getByRole('button').evaluateAll((els) => els.map((el) => el.textContent?.trim()))).toEqual(['Keyboard only', 'Test connection']);
    await popup.keyboard.press('Enter');
    await visible(item.getByRole('button', { name: 'Delete' }));
    const buttons = await item.getByRole('button').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? el.textContent?.trim()));
    expect(buttons).toEqual(['Keyboard only', 'Test connection', 'Reveal API key', 'Copy API key', 'Edit', 'Delete']);
    for (const name of buttons.slice(1)) {
      await popup.keyboard.press('Tab');
      expect(await focusedName(popup)).toBe(name);
    }
    // Delete from the keyboard; the toast's Undo takes the focus, so one more Enter brings it back.
    await popup.keyboard.press('Enter');
    await gone(item);
    await expect.poll(() => focusedName(popup)).toBe('Undo');
    await popup.keyboard.press('Enter');
    await visible(connectionItem(popup, 'Keyboard only'));
    await popup.close();
  });

  it('popup: list with tested connections', async () => {
    const popup = await openPopup();
    await addConnection(popup, { name: 'Denied', key: FAKE_KEYS.forbidden, note: 'HR spoke' });
    await visible(connectionItem(popup, 'Denied'));
    await testItem(popup, 'Keyboard only');
    await testItem(popup, 'Denied');
    await expectAccessible(popup);
    await popup.close();
  });

  it('manager page', async () => {
    const manager = await bed.extension.openExtensionPage('options.html');
    await visible(connectionItem(manager, 'Denied'));
    await visible(manager.getByRole('heading', { name: 'Export and import' }));
    await expectAccessible(manager);
    await manager.close();
  });
});
