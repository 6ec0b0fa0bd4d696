// @ts-check
// `npm start`: the built extension in Chromium against local replicas of the SmartRecruiters
// portal and API, so anyone can capture, save and test a key without an account. Every key the
// replica generates is accepted by the fake API here, so "Test now" says Connected.
import { startFakeSmartRecruiters } from '../support/fake-smartrecruiters.mjs';
import { launchExtension } from '../support/launch-extension.mjs';
import { ensureDisplay } from './display.mjs';

const CREDENTIALS = 'https://www.smartrecruiters.com/settings/administration/app-management/custom-applications';
// HEADLESS=1 runs the same demo without a window (a smoke check on machines with no display).
const headless = process.env.HEADLESS === '1';

const xvfb = headless ? undefined : await ensureDisplay();
const server = await startFakeSmartRecruiters({ unknownKeys: 'ok' });
// As on a first install: the manager's passphrase offer in a tab, the extension's button pinned.
const extension = await launchExtension({ port: server.port, headless, firstRun: true });
const page = await extension.context.newPage();
await page.goto(CREDENTIALS);

console.log(`
SmartRecruiters Admin Helper demo: Chromium is open on a local replica of the portal.
(Everything stays on this machine: *.smartrecruiters.com is mapped to 127.0.0.1:${server.port}.)

  0. The first tab is what a new install shows: the offer to set a passphrase (optional).
     The extension's button is pinned to the toolbar, right of the address bar.
  1. In the portal's tab, click the CREDENTIALS tab, then NEW CREDENTIAL.
  2. Choose "API key", click Next, type a Credentials name (and a description), click Generate.
  3. The extension's prompt appears at the top right: click "Save connection".
  4. Click "Test now": it says Connected (the fake API accepts the key).
  5. Click the extension's toolbar button (or press Alt+Shift+S) to see and manage your connections.

Press Ctrl+C to stop.`);

const stop = async () => {
  await extension.close();
  await server.close();
  xvfb?.kill();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
if (headless && process.env.DEMO_EXIT === '1') await stop();
