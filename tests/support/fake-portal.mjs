// @ts-check
/**
 * The replica of the portal host `www.smartrecruiters.com`: static files from a fixtures folder,
 * with the single-page-app fallback the real portal has for deep links under /settings/ (and the
 * replica's opaque /ui/ paths and framed /embedded/ pages).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const DEFAULT_PORTAL_DIR = path.join(FIXTURES_DIR, 'portal');
/** The replica of ServiceNow's Create Connection dialog, served for every `*.service-now.com`. */
export const SERVICENOW_DIR = path.join(FIXTURES_DIR, 'servicenow');
/** Files the test bed itself needs, kept apart from the portal replica so they never collide. */
export const TEST_BED_PREFIX = '/__test-bed/';
const TEST_BED_DIR = path.join(FIXTURES_DIR, 'test-bed');

/** @type {Record<string, string>} */
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** @param {string} file */
const contentTypeOf = (file) => CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/** @param {string} file @returns {Promise<boolean>} */
async function isFile(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * The file a URL path names inside `rootDir`, a directory meaning its index.html; undefined when
 * there is none or the path would leave `rootDir` (`%2F..` survives URL normalisation).
 *
 * @param {string} rootDir
 * @param {string} urlPath decoded, relative to rootDir
 * @returns {Promise<string | undefined>}
 */
async function findFile(rootDir, urlPath) {
  const root = path.resolve(rootDir);
  const file = path.resolve(root, `.${path.posix.sep}${urlPath}`);
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  if (await isFile(file)) return file;
  const index = path.join(file, 'index.html');
  return (await isFile(index)) ? index : undefined;
}

/** Path prefixes the replica routes in the browser, and the HTML shell each one gets. */
const SHELLS = Object.freeze({ '/settings': 'index.html', '/ui': 'index.html', '/embedded': 'embedded.html' });

/** @param {ServerResponse} res @param {number} status @param {string} text */
function sendText(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * @param {{ portalDir?: string, mounts?: Record<string, string> }} [options] `mounts`: extra
 *   folders served under URL prefixes, e.g. { '/__bench/': 'tests/bench/fixtures' }, each kept
 *   apart from the replica like the test bed's; none by default.
 * @returns {{ handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> }}
 */
export function createFakePortal({ portalDir = DEFAULT_PORTAL_DIR, mounts = {} } = {}) {
  /** @param {string} pathname decoded */
  async function resolve(pathname) {
    if (pathname.startsWith(TEST_BED_PREFIX)) return findFile(TEST_BED_DIR, pathname.slice(TEST_BED_PREFIX.length));
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (pathname.startsWith(prefix)) return findFile(dir, pathname.slice(prefix.length));
    }
    const file = await findFile(portalDir, pathname);
    if (file) return file;
    // The portal routes /settings/... (and the replica's opaque /ui/...) in the browser; a reload
    // of a deep link gets the app shell. Anything under /embedded/ gets the framed app's shell.
    const shell = Object.entries(SHELLS).find(([prefix]) => pathname === prefix || pathname.startsWith(`${prefix}/`));
    return shell ? findFile(portalDir, shell[1]) : undefined;
  }

  return {
    async handle(req, res) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        sendText(res, 405, 'Method Not Allowed');
        return;
      }
      let pathname;
      try {
        pathname = decodeURIComponent(new URL(req.url ?? '/', 'https://www.smartrecruiters.com').pathname);
      } catch {
        sendText(res, 400, 'Bad Request');
        return;
      }
      const file = await resolve(pathname);
      if (!file) {
        sendText(res, 404, 'Not Found');
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': contentTypeOf(file),
        'Content-Length': body.byteLength,
        // Fixtures change while a developer iterates; a cached copy would hide the edit.
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    },
  };
}
