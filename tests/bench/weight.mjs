// @ts-check
/**
 * Section 1, weight: what each part of the built extension makes the browser load, found the
 * way the browser finds it. The manifest names the content script, the background and the
 * popup; prompt.html is the web-accessible page the content script frames. An HTML page loads
 * its <script src>, <link rel=modulepreload> and stylesheets; a module then loads its static
 * imports (followed here). Dynamic import() targets are listed apart: they load on demand.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * @typedef {object} FileWeight
 * @property {string} file Path inside the extension.
 * @property {number} bytes
 * @property {number} gzip gzip -9 bytes of the file alone (each file is fetched and parsed alone).
 */
/**
 * @typedef {object} PartWeight
 * @property {string} part
 * @property {FileWeight[]} js Scripts loaded at start, in load order.
 * @property {FileWeight[]} css
 * @property {string[]} lazy Modules only reachable through import().
 * @property {number} jsBytes
 * @property {number} jsGzip
 * @property {number} cssGzip
 */

/** @param {string} dir @param {string} file @returns {Promise<FileWeight>} */
async function weigh(dir, file) {
  const body = await readFile(path.join(dir, file));
  return { file, bytes: body.byteLength, gzip: gzipSync(body, { level: 9 }).byteLength };
}

/** Extension-root path of `ref` as written in `fromFile` (absolute "/x" or relative "./x"). @param {string} fromFile @param {string} ref */
const resolveRef = (fromFile, ref) => (ref.startsWith('/') ? ref.slice(1) : path.posix.join(path.posix.dirname(fromFile), ref));

/**
 * The module closure of `entries` through static imports, and the dynamic-import targets met.
 * @param {string} dir @param {string[]} entries
 */
async function moduleClosure(dir, entries) {
  /** @type {string[]} */
  const order = [];
  const lazy = new Set();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.shift());
    if (order.includes(file)) continue;
    order.push(file);
    const code = await readFile(path.join(dir, file), 'utf8');
    // Minified ESM: import{a as b}from"./x.js" | import"./x.js" | export{…}from"./x.js" | import("./x.js")
    for (const m of code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]*?\bfrom\s*)?["'`](\.{0,2}\/[^"'`]+\.js)["'`]/g)) {
      queue.push(resolveRef(file, /** @type {string} */ (m[1])));
    }
    for (const m of code.matchAll(/\bimport\(\s*["'`](\.{0,2}\/[^"'`]+\.js)["'`]\s*\)/g)) lazy.add(resolveRef(file, /** @type {string} */ (m[1])));
  }
  return { order, lazy: [...lazy].filter((f) => !order.includes(f)) };
}

/** @param {string} dir @param {string} htmlFile */
async function htmlLoads(dir, htmlFile) {
  const html = await readFile(path.join(dir, htmlFile), 'utf8');
  const attr = (/** @type {RegExp} */ re) => [...html.matchAll(re)].map((m) => resolveRef(htmlFile, /** @type {string} */ (m[1])));
  return {
    scripts: [...attr(/<script\b[^>]*\bsrc="([^"]+)"/g), ...attr(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)],
    css: attr(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g),
  };
}

/** @param {string} dir @param {string} part @param {string[]} scriptEntries @param {string[]} cssFiles @returns {Promise<PartWeight>} */
async function part(dir, part, scriptEntries, cssFiles) {
  const { order, lazy } = await moduleClosure(dir, scriptEntries);
  const js = await Promise.all(order.map((f) => weigh(dir, f)));
  const css = await Promise.all(cssFiles.map((f) => weigh(dir, f)));
  const sum = (/** @type {FileWeight[]} */ list, /** @type {'bytes' | 'gzip'} */ k) => list.reduce((n, f) => n + f[k], 0);
  return { part, js, css, lazy, jsBytes: sum(js, 'bytes'), jsGzip: sum(js, 'gzip'), cssGzip: sum(css, 'gzip') };
}

/** @param {string} dir Built extension (manifest.json at its root). @returns {Promise<PartWeight[]>} */
export async function measureWeight(dir) {
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
  /** @type {PartWeight[]} */
  const parts = [];
  const contentScripts = manifest.content_scripts ?? [];
  parts.push(
    await part(
      dir,
      'content script',
      contentScripts.flatMap((/** @type {{ js?: string[] }} */ c) => c.js ?? []),
      contentScripts.flatMap((/** @type {{ css?: string[] }} */ c) => c.css ?? []),
    ),
  );
  if (manifest.background?.service_worker) parts.push(await part(dir, 'background', [manifest.background.service_worker], []));
  const popupHtml = manifest.action?.default_popup;
  if (popupHtml) {
    const loads = await htmlLoads(dir, popupHtml);
    parts.push(await part(dir, 'popup', loads.scripts, loads.css));
  }
  /** @type {string[]} */
  const exposed = (manifest.web_accessible_resources ?? []).flatMap((/** @type {{ resources: string[] }} */ w) => w.resources);
  for (const html of exposed.filter((r) => r.endsWith('.html'))) {
    const loads = await htmlLoads(dir, html);
    parts.push(await part(dir, `prompt (${html})`, loads.scripts, loads.css));
  }
  return parts;
}
