// @ts-check
/**
 * Starts Firefox ESR with the built add-on installed as a temporary add-on (as about:debugging
 * does) and every SmartRecruiters host reached through a loopback proxy to the local fake server,
 * so the production build runs unchanged against the replica. The counterpart of
 * launch-extension.mjs, which does the same for Chromium.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { startConnectProxy } from './connect-proxy.mjs';
import { firefoxPrefs } from './firefox-prefs.mjs';

/** @typedef {import('puppeteer-core').Browser} Browser */
/** @typedef {import('puppeteer-core').Page} Page */
/**
 * @typedef {object} FirefoxLaunchOptions
 * @property {string} [extensionDir] Built add-on, relative to the repository root; default
 *   $FIREFOX_EXTENSION_DIR, else .output/firefox-mv3.
 * @property {number} port Port of the fake SmartRecruiters server. Required so that no run can reach the real hosts.
 * @property {boolean} [headless] Default true.
 * @property {boolean} [grantOptionalPermissions] Grant optional permissions when asked, without a prompt (Firefox's
 *   own tests do the same); headless Firefox cannot answer the prompt. Default false.
 * @property {string} [profileDir] A profile folder to keep across launches (the caller deletes
 *   it); default a fresh one that puppeteer deletes on close.
 * @property {string} [addonUuid] The moz-extension:// host; pass the same one to find the same
 *   storage again in a kept profile. Default a new one.
 * @property {Record<string, unknown>} [extraPrefs] More preferences for this launch.
 */
/**
 * @typedef {object} LaunchedFirefox
 * @property {Browser} browser
 * @property {string} extensionOrigin moz-extension://<uuid>, fixed for this launch.
 * @property {(pagePath: string) => Promise<Page>} openExtensionPage Opens e.g. 'popup.html' in a new tab.
 * @property {readonly string[]} refusedByProxy Every connection Firefox tried to open elsewhere, oldest first.
 * @property {() => Promise<void>} close Closes Firefox (puppeteer deletes its temporary profile) and the proxy.
 */

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** @param {string} dir @returns {Promise<string>} */
async function readGeckoId(dir) {
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
  const id = manifest.browser_specific_settings?.gecko?.id;
  // Without a fixed id Firefox makes one up at install, and the UUID pref cannot name it.
  if (typeof id !== 'string') throw new Error(`${dir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

/**
 * Polls from inside the page until `url` has loaded. Asking while the old document is being torn
 * down can fail inside Firefox's BiDi ("right-hand side of 'in' should be an object"): that is an
 * answer of "not yet", not an error.
 * @param {Page} page @param {string} url
 */
async function waitForDocument(page, url) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const ready = await page
      .evaluate((expected) => location.href === expected && document.readyState === 'complete', url)
      .catch(() => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not finish loading`);
}

/**
 * Firefox's WebDriver BiDi leaves extension pages out of its events (bug 1755014): the navigation
 * happens, but goto() never hears that it loaded. Start it, watch the document from inside, and
 * stop goto() waiting once it is there.
 * @param {Page} page @param {string} url
 */
async function gotoExtensionPage(page, url) {
  const done = new AbortController();
  const { signal } = done;
  try {
    await Promise.all([
      page.goto(url, { signal }).catch((error) => {
        if (!signal.aborted) throw error;
      }),
      waitForDocument(page, url).then(() => done.abort()),
    ]);
  } finally {
    done.abort();
  }
}

/**
 * @param {FirefoxLaunchOptions} options
 * @returns {Promise<LaunchedFirefox>}
 */
export async function launchFirefox({
  extensionDir = process.env.FIREFOX_EXTENSION_DIR || '.output/firefox-mv3',
  port,
  headless = true,
  grantOptionalPermissions = false,
  profileDir,
  addonUuid = crypto.randomUUID(),
  extraPrefs = {},
}) {
  if (!Number.isInteger(port) || port <= 0) throw new Error(`launchFirefox needs the fake server's port, got ${port}`);
  const dir = path.resolve(REPO_ROOT, extensionDir);
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`No built add-on at ${dir}: run npm run build:firefox first`);
  }
  const addonId = await readGeckoId(dir);

  const proxy = await startConnectProxy({ targetPort: port });
  /** @type {Browser} */
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless,
      // The fake's certificate is self-signed and made per run. This holds for the whole session,
      // the add-on's background fetches included.
      acceptInsecureCerts: true,
      // Without it WebDriver BiDi refuses to navigate a tab to a moz-extension:// page.
      args: ['--remote-allow-system-access'],
      // Release builds ignore services.settings.server (see firefox-prefs.mjs) unless this is set.
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      extraPrefsFirefox: {
        ...firefoxPrefs({ proxyPort: proxy.port, addonId, addonUuid }),
        ...(grantOptionalPermissions && { 'extensions.webextOptionalPermissionPrompts': false }),
        ...extraPrefs,
      },
      ...(profileDir && { userDataDir: profileDir }),
    });
  } catch (error) {
    await proxy.close();
    throw error;
  }
  const close = async () => {
    await browser.close();
    await proxy.close();
  };

  try {
    const installed = await browser.installExtension(dir);
    if (installed !== addonId) throw new Error(`Installed ${installed}, expected ${addonId}`);
    const extensionOrigin = `moz-extension://${addonUuid}`;
    // Tests start once the extension has drawn its popup's list (read through the background, or
    // storage when it cannot answer): the first test of a file then does not pay for Firefox
    // starting the extension's pages (it timed out once in three runs without this).
    const warmUp = await browser.newPage();
    await gotoExtensionPage(warmUp, `${extensionOrigin}/popup.html`);
    await warmUp.waitForFunction(() => document.querySelector('.toolbar ~ p.muted, ul.list > li'), { timeout: 30_000 });
    await warmUp.close();
    return {
      browser,
      extensionOrigin,
      async openExtensionPage(pagePath) {
        const page = await browser.newPage();
        await gotoExtensionPage(page, `${extensionOrigin}/${pagePath.replace(/^\//, '')}`);
        return page;
      },
      refusedByProxy: proxy.refused,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
