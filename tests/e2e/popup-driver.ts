import type { Locator, Page } from 'playwright-core';

/** Waits for a locator to show; playwright-core has no web-first assertions of its own. */
export async function visible(locator: Locator, timeout = 15_000): Promise<Locator> {
  await locator.waitFor({ state: 'visible', timeout });
  return locator;
}

export async function gone(locator: Locator, timeout = 15_000): Promise<void> {
  await locator.waitFor({ state: 'detached', timeout });
}

/** A connection in the popup's list, found as a user finds it: by its name. */
export const connectionItem = (page: Page, name: string): Locator =>
  page.getByRole('list', { name: 'Connections' }).getByRole('listitem', { name, exact: true });

/** Opens a row's details (URL, note, key, last result, Copy, Edit, Delete) as a user does: a click on its name. */
export async function expandItem(page: Page, name: string): Promise<Locator> {
  const item = await visible(connectionItem(page, name));
  const toggle = item.getByRole('button', { name, exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await visible(item.locator('.row-details'));
  return item;
}

export async function addConnection(page: Page, fields: { name: string; key: string; url?: string; note?: string }) {
  await page.getByRole('button', { name: 'Add connection' }).click();
  await page.getByLabel('Connection name').fill(fields.name);
  if (fields.url !== undefined) await page.getByLabel('Connection URL').fill(fields.url);
  await page.getByLabel('API key').fill(fields.key);
  if (fields.note !== undefined) await page.getByLabel('Note').fill(fields.note);
  await page.getByRole('button', { name: 'Save' }).click();
}

/**
 * Clicks "Test connection" in one row and, once its status shows the verdict, returns the text of
 * the whole result (the row's status and the details' facts: status, latency, company, endpoint).
 */
export async function testItem(page: Page, name: string, timeout = 15_000): Promise<string> {
  const item = await expandItem(page, name);
  await item.getByRole('button', { name: 'Test connection' }).click();
  const status = item.getByRole('status').first();
  await status.locator('.result').waitFor({ state: 'visible', timeout });
  const details = item.locator('.row-details .result');
  await details.waitFor({ state: 'visible', timeout });
  return `${(await status.textContent()) ?? ''}\n${(await details.textContent()) ?? ''}`;
}

/** The text of a saved connection's item, read in a popup opened for it and closed after. */
export async function savedConnectionText(openPopup: () => Promise<Page>, name: string): Promise<string> {
  const popup = await openPopup();
  try {
    return (await (await expandItem(popup, name)).textContent()) ?? '';
  } finally {
    await popup.close();
  }
}
