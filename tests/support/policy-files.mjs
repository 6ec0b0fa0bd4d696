// @ts-check
/**
 * Real policy files for the policy suites (tests/e2e-policies/). They apply to the whole machine,
 * so every writer here returns its own remover, which also deletes the folders it had to create:
 * call it in a `finally` (or afterAll), and nothing is left behind.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const FILE_NAME = 'sr-admin-helper-e2e.json';
export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';
/**
 * Debian's firefox-esr reads /etc/firefox/policies/policies.json (Firefox's system-wide place on
 * Linux) before the distribution/ folder next to its binary.
 */
export const FIREFOX_POLICY_FILE = '/etc/firefox/policies/policies.json';

/**
 * Writes `file` with `text`, creating missing folders; returns a remover for the file and for
 * exactly the folders created (never one that was there before).
 * @param {string} file @param {string} text
 */
async function writeOwned(file, text) {
  if (existsSync(file)) throw new Error(`${file} exists already: another run's or the machine's; not touching it`);
  /** @type {string[]} */
  const created = [];
  for (let dir = path.dirname(file); !existsSync(dir); dir = path.dirname(dir)) created.unshift(dir);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text, { mode: 0o644 });
  let removed = false;
  return async () => {
    if (removed) return;
    removed = true;
    await rm(file, { force: true });
    for (const dir of created.reverse()) await rmdir(dir).catch(() => undefined);
  };
}

/**
 * The id Chromium gives an extension with this manifest `key`: the first 128 bits of the key's
 * SHA-256, written with the letters a to p.
 * @param {Buffer} publicKeyDer
 */
export function chromiumIdOf(publicKeyDer) {
  const hex = createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/**
 * A copy of the built extension with a fresh manifest `key`, so it has an id known before launch
 * (a policy file must name it). Only the policy suites use it: the shipped build and the other
 * suites keep no key, so the policy file written for this id never reaches them.
 * @param {string} builtDir
 * @returns {Promise<{ dir: string, id: string, remove: () => Promise<void> }>}
 */
export async function keyedChromiumBuild(builtDir) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sr-helper-keyed-'));
  await cp(builtDir, dir, { recursive: true });
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  await writeFile(manifestPath, JSON.stringify({ ...manifest, key: der.toString('base64') }));
  return { dir, id: chromiumIdOf(der), remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * @param {string} extensionId @param {Record<string, unknown>} values
 * @returns {Promise<{ update: (next: Record<string, unknown>) => Promise<void>, remove: () => Promise<void> }>}
 */
export async function writeChromiumPolicy(extensionId, values) {
  const file = path.join(CHROMIUM_POLICY_DIR, FILE_NAME);
  const text = (/** @type {Record<string, unknown>} */ v) => JSON.stringify({ '3rdparty': { extensions: { [extensionId]: v } } });
  const remove = await writeOwned(file, text(values));
  return { update: (next) => writeFile(file, text(next)), remove };
}

/**
 * @param {string} geckoId @param {Record<string, unknown>} values
 * @returns {Promise<() => Promise<void>>} the remover
 */
export function writeFirefoxPolicy(geckoId, values) {
  return writeOwned(FIREFOX_POLICY_FILE, JSON.stringify({ policies: { '3rdparty': { Extensions: { [geckoId]: values } } } }));
}
