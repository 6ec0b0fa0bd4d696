// @ts-check
/**
 * One local HTTPS server standing in for every SmartRecruiters host (and for ServiceNow
 * instances, `*.service-now.com`, with the replica in tests/fixtures/servicenow/). Chromium is pointed at it with
 * `--host-resolver-rules`, so the built extension talks to its real host names unchanged; the
 * server tells the hosts apart by the Host header, as a shared front end would.
 */
import https from 'node:https';
import { createCertificate } from './certificate.mjs';
import { createFakeApi } from './fake-api.mjs';
import { SERVICENOW_DIR, createFakePortal } from './fake-portal.mjs';

export { AREA_PATHS, FAKE_COMPANY, FAKE_KEYS, FAKE_ME, COMPANY_PATH, REDIRECT_TARGET, RETRY_AFTER_SECONDS } from './fake-api.mjs';
export { DEFAULT_PORTAL_DIR, TEST_BED_PREFIX } from './fake-portal.mjs';

/** @typedef {import('./fake-api.mjs').Scenario} Scenario */
/**
 * @typedef {object} RecordedRequest
 * @property {string} host Host header without port, lower case ('' when absent).
 * @property {string} method
 * @property {string} path Request target as sent, query included.
 * @property {import('node:http').IncomingHttpHeaders} headers Lower-case names, as Node parses them.
 */
/**
 * @typedef {object} FakeSmartRecruitersOptions
 * @property {number} [port] 0 (the default) picks a free port.
 * @property {string} [portalDir] Folder served for www.smartrecruiters.com; default tests/fixtures/portal.
 * @property {Record<string, string>} [mounts] Extra folders served on www under URL prefixes (see fake-portal.mjs); none by default.
 * @property {number} [slowOkDelayMs] How long the slowOk scenario waits before answering.
 * @property {import('./fake-api.mjs').Scenario} [unknownKeys] How keys nobody registered are answered; default 401.
 */
/**
 * @typedef {object} FakeSmartRecruiters
 * @property {number} port
 * @property {RecordedRequest[]} requests Every request received, oldest first, any host.
 * @property {() => void} clearRequests Empties `requests` in place.
 * @property {{ setScenario: (key: string, scenario: Scenario) => void }} api
 * @property {() => Promise<void>} close Stops listening and cuts every open connection, hanging ones included.
 */

const API_HOSTS = Object.freeze(['api.smartrecruiters.com', 'api.sandbox.smartrecruiters.com']);
const PORTAL_HOST = 'www.smartrecruiters.com';
const SERVICENOW_SUFFIX = '.service-now.com';

/** @param {string | undefined} hostHeader */
const hostnameOf = (hostHeader = '') => hostHeader.replace(/:\d+$/, '').replace(/\.$/, '').toLowerCase();

/**
 * @param {FakeSmartRecruitersOptions} [options]
 * @returns {Promise<FakeSmartRecruiters>}
 */
export async function startFakeSmartRecruiters({ port = 0, portalDir, mounts, slowOkDelayMs, unknownKeys } = {}) {
  const api = createFakeApi({ slowOkDelayMs, unknownKeys });
  const portal = createFakePortal({ portalDir, mounts });
  // Every *.service-now.com instance gets the replica of the spoke's Create Connection dialog.
  const serviceNow = createFakePortal({ portalDir: SERVICENOW_DIR });
  /** @type {RecordedRequest[]} */
  const requests = [];

  const server = https.createServer(await createCertificate(), (req, res) => {
    const host = hostnameOf(req.headers.host);
    requests.push({ host, method: req.method ?? '', path: req.url ?? '', headers: { ...req.headers } });
    if (API_HOSTS.includes(host)) {
      api.handle(req, res);
    } else if (host === PORTAL_HOST || host.endsWith(SERVICENOW_SUFFIX)) {
      (host === PORTAL_HOST ? portal : serviceNow).handle(req, res).catch(() => {
        // A fixture read failing mid-way: answer if still possible, else cut the connection.
        if (res.headersSent) res.destroy();
        else res.writeHead(500).end();
      });
    } else {
      // 421 Misdirected Request: a host this server does not serve was mapped to it.
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Not served here: ${host}`);
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('Fake SmartRecruiters server has no TCP address');

  return {
    port: address.port,
    requests,
    clearRequests: () => {
      requests.length = 0;
    },
    api: { setScenario: api.setScenario },
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // close() alone waits for open connections, and the hang scenario never ends its own.
        server.closeAllConnections();
      }),
  };
}
