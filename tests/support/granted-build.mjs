// @ts-check
/**
 * A test-only copy of a built extension whose manifest grants extra hosts at install. Chromium
 * gives automation no way to answer an optional-permission prompt, so what follows a grant (the
 * ServiceNow helper's registration, its content script, the fill) is tested on this copy; the
 * request itself is tested in Firefox. Made in a temporary folder per run, never shipped.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * @param {{ extensionDir?: string, hosts: string[] }} options
 * @returns {Promise<{ dir: string, remove: () => Promise<void> }>}
 */
export async function makeGrantedCopy({ extensionDir = process.env.EXTENSION_DIR || '.output/chrome-mv3', hosts }) {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'sr-helper-granted-'));
  // A fixed folder name: an unpacked extension's id follows from its path, and stays per run.
  const dir = path.join(parent, 'chrome-mv3');
  await cp(path.resolve(REPO_ROOT, extensionDir), dir, { recursive: true });
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  manifest.host_permissions = [...new Set([...(manifest.host_permissions ?? []), ...hosts])];
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
  return { dir, remove: () => rm(parent, { recursive: true, force: true }) };
}
