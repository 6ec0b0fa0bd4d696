// @ts-check
/**
 * Starts Debian's Chromium with the built extension loaded and every SmartRecruiters host name
 * resolved to the local fake server, so the production build runs unchanged against the replica.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').Worker} Worker */
/**
 * @typedef {object} LaunchOptions
 * @property {string} [extensionDir] Built extension, relative to the repository root; default $EXTENSION_DIR, else .output/chrome-mv3.
 * @property {number} port Port of the fake SmartRecruiters server. Required so that no run can reach the real hosts.
 * @property {boolean} [headless] Default true.
 * @property {boolean} [firstRun] Keep the manager page the extension opens on install (the passphrase offer) and pin
 *   the extension's toolbar button, as a person trying it sees them (the demo). Default false: tests open what they need.
 * @property {string} [lang] The browser's UI language (the extension's pages follow it), e.g. 'de'; default the machine's.
 */
/**
 * @typedef {object} LaunchedExtension
 * @property {BrowserContext} context
 * @property {string} extensionId
 * @property {Worker} serviceWorker The extension's background service worker.
 * @property {(pagePath: string) => Promise<Page>} openExtensionPage Opens e.g. 'popup.html' in a new tab.
 * @property {() => Promise<void>} close Closes Chromium and deletes its temporary profile.
 */

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** @param {string | null} extensionDir null: no extension (launchWithoutExtension) @param {number} port */
function chromiumArgs(extensionDir, port) {
  return [
    ...(extensionDir === null ? [] : [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]),
    // The bare domain is not matched by the wildcard.
    `--host-resolver-rules=MAP *.smartrecruiters.com 127.0.0.1:${port}, MAP smartrecruiters.com 127.0.0.1:${port}, MAP *.service-now.com 127.0.0.1:${port}`,
    // The fake's certificate is self-signed and made per run.
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    // Without these Chromium keeps calling Google hosts this machine cannot reach.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/**
 * The extension opens its manager page on install. Left open, that tab is the one in front, and
 * Chromium throttles the background tabs a test drives; tests open what they need themselves.
 * @param {BrowserContext} context @param {string} extensionId
 */
async function closeWelcomeTab(context, extensionId) {
  const isWelcome = (/** @type {Page} */ page) => page.url().startsWith(`chrome-extension://${extensionId}/options.html`);
  const welcome =
    context.pages().find(isWelcome) ??
    (await context.waitForEvent('page', { predicate: isWelcome, timeout: 5_000 }).catch(() => undefined));
  // Closed while still loading, the tab takes the extension's message bundle down with it: every
  // extension page of the session then gets empty i18n strings. Let it finish first.
  await welcome?.waitForLoadState('load');
  await welcome?.close();
}

/**
 * The id Chromium gives an unpacked extension: the SHA-256 of its folder's path, first 32 hex
 * digits written with the letters a to p.
 * @param {string} dir
 */
function unpackedExtensionId(dir) {
  const hex = createHash('sha256').update(dir).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

/**
 * Pins the extension's button to the toolbar (Chromium hides new ones in the puzzle menu) through
 * the profile's preferences, which Chromium reads at start.
 * @param {string} profileDir @param {string} extensionDir
 */
async function pinToolbarButton(profileDir, extensionDir) {
  await mkdir(path.join(profileDir, 'Default'), { recursive: true });
  const preferences = { extensions: { pinned_extensions: [unpackedExtensionId(extensionDir)] } };
  await writeFile(path.join(profileDir, 'Default', 'Preferences'), JSON.stringify(preferences));
}

/**
 * @param {LaunchOptions} options
 * @returns {Promise<LaunchedExtension>}
 */
export async function launchExtension({ extensionDir = process.env.EXTENSION_DIR || '.output/chrome-mv3', port, headless = true, firstRun = false, lang }) {
  if (!Number.isInteger(port) || port <= 0) throw new Error(`launchExtension needs the fake server's port, got ${port}`);
  const dir = path.resolve(REPO_ROOT, extensionDir);
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir}: run npm run build first`);
  }

  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'sr-helper-profile-'));
  const removeProfile = () => rm(profileDir, { recursive: true, force: true });
  /** @type {BrowserContext} */
  let context;
  try {
    if (firstRun) await pinToolbarButton(profileDir, dir);
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless,
      // Chromium on Linux takes its UI language from LANGUAGE; --lang is for the other systems.
      args: [...chromiumArgs(dir, port), ...(lang ? [`--lang=${lang}`] : [])],
      ...(lang && { env: { ...process.env, LANGUAGE: lang } }),
    });
  } catch (error) {
    await removeProfile();
    throw error;
  }
  const close = async () => {
    await context.close();
    await removeProfile();
  };

  try {
    const isExtensionWorker = (/** @type {Worker} */ worker) => worker.url().startsWith('chrome-extension://');
    const serviceWorker =
      context.serviceWorkers().find(isExtensionWorker) ??
      (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker }));
    const extensionId = new URL(serviceWorker.url()).host;
    if (!firstRun) await closeWelcomeTab(context, extensionId);
    return {
      context,
      extensionId,
      serviceWorker,
      async openExtensionPage(pagePath) {
        const page = await context.newPage();
        await page.goto(`chrome-extension://${extensionId}/${pagePath.replace(/^\//, '')}`);
        return page;
      },
      close,
    };
  } catch (error) {
    // A build without a background would otherwise leave Chromium running after the failure.
    await close();
    throw error;
  }
}

/**
 * The same Chromium, flags and host mapping as launchExtension, with no extension loaded: the
 * baseline tests/bench/ compares the extension's cost on portal pages against.
 *
 * @param {{ port: number, headless?: boolean }} options
 * @returns {Promise<{ context: BrowserContext, close: () => Promise<void> }>}
 */
export async function launchWithoutExtension({ port, headless = true }) {
  if (!Number.isInteger(port) || port <= 0) throw new Error(`launchWithoutExtension needs the fake server's port, got ${port}`);
  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'sr-helper-profile-'));
  const removeProfile = () => rm(profileDir, { recursive: true, force: true });
  try {
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless,
      args: chromiumArgs(null, port),
    });
    return {
      context,
      async close() {
        await context.close();
        await removeProfile();
      },
    };
  } catch (error) {
    await removeProfile();
    throw error;
  }
}
