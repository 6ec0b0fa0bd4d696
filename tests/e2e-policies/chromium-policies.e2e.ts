import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_KEYS, startFakeSmartRecruiters, type FakeSmartRecruiters } from '../support/fake-smartrecruiters.mjs';
import { launchExtension, type LaunchedExtension } from '../support/launch-extension.mjs';
import { keyedChromiumBuild, writeChromiumPolicy } from '../support/policy-files.mjs';
import { addConnection, connectionItem, gone, visible } from '../e2e/popup-driver';
import { PROMPT_TITLE, generateKey, openCredentialsByNavigation, waitForPrompt } from '../e2e/portal-driver';
import { POLICY_WITH_A_BAD_VALUE, SUPPORT_MESSAGE, countPromptFrames, promptFramesSeen } from './policies';

const PASSPHRASE = 'long enough passphrase';
const SET_BY_ORG = 'Set by your organization';

/**
 * Chromium with a real policy file (/etc/chromium/policies/managed/), as an administrator sets
 * it: read at start, changed and removed while the browser runs. The extension here is a keyed
 * copy of the build, whose id only this suite's policy file names.
 */
describe('Chromium: administrator policies from a real policy file', () => {
  let server: FakeSmartRecruiters;
  let build: Awaited<ReturnType<typeof keyedChromiumBuild>> | undefined;
  let policy: Awaited<ReturnType<typeof writeChromiumPolicy>> | undefined;
  let extension: LaunchedExtension | undefined;
  let popup: Page;
  let manager: Page;

  beforeAll(async () => {
    server = await startFakeSmartRecruiters();
    build = await keyedChromiumBuild('.output/chrome-mv3');
    policy = await writeChromiumPolicy(build.id, POLICY_WITH_A_BAD_VALUE);
    extension = await launchExtension({ extensionDir: build.dir, port: server.port });
    expect(extension.extensionId).toBe(build.id);
    popup = await extension.openExtensionPage('popup.html');
  });
  afterAll(async () => {
    // Each step on its own: a failure in one must not leave the policy file on the machine.
    await policy?.remove();
    await extension?.close().catch(() => undefined);
    await build?.remove();
    await server?.close();
  });

  it('requirePassphrase: asks for a passphrase of the policy length before any key is stored', async () => {
    await visible(popup.getByText('Your organization requires a passphrase before keys are stored here.'));
    await addConnection(popup, { name: 'Prod', key: FAKE_KEYS.ok });
    await visible(popup.getByRole('alert').getByText('Your organization’s policy (requirePassphrase) requires a passphrase.'));
    await popup.getByRole('button', { name: 'Cancel' }).click();

    await popup.getByLabel('New passphrase').fill('eleven char');
    await popup.getByLabel('Repeat passphrase').fill('eleven char');
    await popup.getByRole('button', { name: 'Set passphrase' }).click();
    await visible(popup.getByText('Your organization’s policy (minPassphraseLength) requires a longer passphrase.'));
  });

  it('requirePassphrase: a captured key waits in the prompt and is saved once the passphrase is set in our window', async () => {
    const portal = await extension!.context.newPage();
    await openCredentialsByNavigation(portal);
    await generateKey(portal, 'Captured');
    const dialog = await waitForPrompt(portal);
    expect(await dialog.getByRole('button', { name: 'Save connection' }).count()).toBe(0);
    const opened = extension!.context.waitForEvent('page');
    await dialog.getByRole('button', { name: 'Unlock to save…' }).click();
    const review = await opened;
    await visible(review.getByText('Your organization requires a passphrase before keys are stored here.'));
    await review.getByLabel('New passphrase').fill(PASSPHRASE);
    await review.getByLabel('Repeat passphrase').fill(PASSPHRASE);
    await review.getByRole('button', { name: 'Set passphrase' }).click();
    await review.getByRole('button', { name: 'Save connection' }).click();
    await visible(review.getByText('Saved as “Captured”.'));
    await review.close();
    await portal.close();

    await popup.bringToFront();
    await gone(popup.getByLabel('New passphrase'));
    await visible(connectionItem(popup, 'Captured'));
    await visible(popup.getByRole('button', { name: 'Lock' }));
  });

  it('allowedApiHosts: refuses another host, naming the policy, and saves an allowed one', async () => {
    await addConnection(popup, { name: 'Sandbox', url: 'https://api.sandbox.smartrecruiters.com', key: FAKE_KEYS.ok });
    await visible(popup.getByRole('alert').getByText('Your organization’s policy (allowedApiHosts) does not allow connections to this host.'));
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await addConnection(popup, { name: 'Prod', key: FAKE_KEYS.ok });
    await visible(connectionItem(popup, 'Prod'));
    expect(await popup.getByRole('listitem', { name: 'Sandbox' }).count()).toBe(0);
  });

  it('lists the value it cannot use by its key, applies the rest, and marks locked settings', async () => {
    manager = await extension!.openExtensionPage('options.html');
    const section = await visible(manager.getByRole('region', { name: 'Your organization’s policy' }));
    await visible(section.getByText(SUPPORT_MESSAGE));
    // The popup shows it in its Settings too (the problems list is the manager's).
    await popup.getByText('Settings', { exact: true }).click();
    await visible(popup.getByText(SUPPORT_MESSAGE));
    await visible(section.getByRole('listitem').filter({ hasText: 'maxAutoLockMinutes' }).getByText('out of the allowed range, ignored.'));

    const remove = manager.getByRole('button', { name: 'Remove passphrase' });
    expect(await remove.isDisabled()).toBe(true);
    expect(await manager.locator(`#${await remove.getAttribute('aria-describedby')}`).textContent()).toBe(SET_BY_ORG);
    const plain = manager.getByRole('radio', { name: /Keys unencrypted/ });
    expect(await plain.isDisabled()).toBe(true);

    // The ignored maximum leaves every idle time to choose.
    const autoLock = manager.getByLabel('Lock after idle time (minutes)');
    await autoLock.selectOption('60');
    await manager.waitForFunction(() => (document.getElementById('auto-lock') as HTMLSelectElement | null)?.value === '60');
    expect(await autoLock.getAttribute('aria-describedby')).toBeNull();
  });

  it('applies a changed policy while running, and gives the user their settings back when it is removed', async () => {
    await policy!.update({ allowedApiHosts: ['*.corp.example'], maxAutoLockMinutes: 5 });
    // Chromium rereads the policy folder a few seconds after a change.
    await manager.waitForFunction(() => (document.getElementById('auto-lock') as HTMLSelectElement | null)?.value === '5', null, { timeout: 30_000 });
    await visible(manager.getByText('At most 5 minutes.'));
    const prod = connectionItem(manager, 'Prod');
    await visible(prod.getByText('Not allowed by your organization’s policy (allowedApiHosts).'));
    await prod.getByRole('button', { name: 'Test connection' }).click();
    await visible(manager.getByRole('status').getByText('Your organization’s policy (allowedApiHosts) does not allow connections to this host.'));
    expect(await manager.getByRole('button', { name: 'Remove passphrase' }).isDisabled()).toBe(false);

    await policy!.remove();
    await manager.waitForFunction(() => (document.getElementById('auto-lock') as HTMLSelectElement | null)?.value === '60', null, { timeout: 30_000 });
    await gone(manager.getByText(SET_BY_ORG).first());
    await gone(prod.getByText('Not allowed by your organization’s policy (allowedApiHosts).'));
    await prod.getByRole('button', { name: 'Test connection' }).click();
    await visible(prod.getByText('Connected'));
  });

  it('captureEnabled false: the content script does nothing on the portal, and capture returns without it', async () => {
    policy = await writeChromiumPolicy(build!.id, { captureEnabled: false });
    await visible(manager.getByText('The save prompt on the SmartRecruiters portal is off.'), 30_000);
    const portal = await extension!.context.newPage();
    await openCredentialsByNavigation(portal);
    await portal.evaluate(countPromptFrames, PROMPT_TITLE);
    await generateKey(portal, 'Not offered');
    expect(await portal.evaluate(promptFramesSeen)).toBe(0);

    await policy.remove();
    await gone(manager.getByText('The save prompt on the SmartRecruiters portal is off.'), 30_000);
    await openCredentialsByNavigation(portal);
    await portal.evaluate(countPromptFrames, PROMPT_TITLE);
    await generateKey(portal, 'Offered again');
    await waitForPrompt(portal);
    expect(await portal.evaluate(promptFramesSeen)).toBeGreaterThan(0);
    await portal.close();
  });
});
