// @ts-check
/**
 * What the weight is made of: runs analyze-build.mjs (WXT's --analyze, into a private folder,
 * under the shared build lock) and sums each bundle's modules by package (node_modules) or by
 * source folder. The analyser records each module's size before minification, so a group's
 * share of a bundle is reported, and its gzip bytes are estimated as that share of the built
 * file's gzip size: an approximation, good for ranking, not for exact budgets.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const HERE = fileURLToPath(new URL('.', import.meta.url));
const REPO_ROOT = path.resolve(HERE, '../..');
const LOCK = '/tmp/wxt-build.lock';

/** @typedef {{ group: string, rendered: number, share: number }} Group */
/** @typedef {{ file: string, rendered: number, groups: Group[] }} BundleComposition */

/** Module id → what a reader would change: an npm package, or a source folder/file. @param {string} id */
function groupOf(id) {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
  const pkg = clean.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return /** @type {string} */ (pkg[1]);
  const src = clean.match(/^\/?(?:.*\/)?((?:lib|components|entrypoints)\/[^/]+)/);
  if (src) return /** @type {string} */ (src[1]);
  return clean.replace(/^virtual:/, '(virtual) ').slice(0, 60);
}

/**
 * @param {{ timeoutMs?: number, sourceDir?: string }} [options] sourceDir: the project to build
 *   (default this repository's working tree); give a checkout of the benched commit when the
 *   working tree has moved on.
 * @returns {Promise<BundleComposition[]>}
 */
export async function analyzeComposition({ timeoutMs = 120_000, sourceDir = REPO_ROOT } = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-analyze-'));
  try {
    const node = [process.execPath, path.join(HERE, 'analyze-build.mjs'), dir];
    const [cmd, ...args] = existsSync('/usr/bin/flock') ? ['flock', '-w', '90', LOCK, ...node] : node;
    await run(/** @type {string} */ (cmd), args, { cwd: sourceDir, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 });
    /** @type {Map<string, Map<string, number>>} */
    const bundles = new Map();
    for (const name of (await readdir(dir)).filter((f) => /^stats-\d+\.json$/.test(f))) {
      const data = JSON.parse(await readFile(path.join(dir, name), 'utf8'));
      for (const [uid, partInfo] of Object.entries(data.nodeParts)) {
        const meta = data.nodeMetas[partInfo.metaUid];
        const bundle = Object.entries(meta.moduleParts).find(([, u]) => u === uid)?.[0];
        if (!bundle) continue;
        const groups = bundles.get(bundle) ?? new Map();
        const group = groupOf(meta.id);
        groups.set(group, (groups.get(group) ?? 0) + partInfo.renderedLength);
        bundles.set(bundle, groups);
      }
    }
    return [...bundles].map(([file, groups]) => {
      const rendered = [...groups.values()].reduce((a, b) => a + b, 0);
      return {
        file,
        rendered,
        groups: [...groups]
          .map(([group, n]) => ({ group, rendered: n, share: n / rendered }))
          .sort((a, b) => b.rendered - a.rendered),
      };
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
