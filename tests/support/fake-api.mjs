// @ts-check
/**
 * The fake SmartRecruiters API behind `api.smartrecruiters.com`. It knows the endpoints of the
 * tester's access check (company configuration, jobs, users, the acting user, audit events) and
 * answers them according to the key in `X-SmartToken`, so a test picks an outcome by picking a
 * key. Response shapes follow SmartRecruiters' published OpenAPI (shared/reference/) and
 * /work/shared/notes/smartrecruiters.md.
 */

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {import('node:http').OutgoingHttpHeaders} OutgoingHttpHeaders */
/** @typedef {(req: IncomingMessage, res: ServerResponse, area: Area) => void} Responder */
/**
 * @typedef {'ok' | 'invalid' | 'forbidden' | 'rateLimited' | 'serverError' | 'notJson' | 'hang'
 *   | 'redirect' | 'drop' | 'slowOk' | 'limited'} Scenario
 */

export const COMPANY_PATH = '/configuration/company';
/** The access check's areas and where each lives. */
export const AREA_PATHS = Object.freeze({
  configuration: COMPANY_PATH,
  jobs: '/jobs',
  users: '/user-api/v201804/users',
  me: '/user-api/v201804/users/me',
  audit: '/audit-api/v201910/audit-events',
});
/** @typedef {keyof typeof AREA_PATHS} Area */
const DEFAULT_SLOW_OK_DELAY_MS = 3_000;
// Another host under the mapped domain, so that a browser that did follow would reach this server
// and be seen doing so.
export const REDIRECT_TARGET = 'https://attacker.smartrecruiters.com/steal';
export const RETRY_AFTER_SECONDS = 7;

/**
 * One realistic key (`DCRA1-` + 32 lowercase hex) per scenario. Fixed, so a failing run can be
 * reproduced, and fake, so they are safe to print in assertion diffs.
 *
 * @type {Readonly<Record<Scenario, string>>}
 */
export const FAKE_KEYS = Object.freeze({
  ok: 'DCRA1-23878ebac5414769a91225671ca9bb49',
  invalid: 'DCRA1-0d8dd49384b94112a3ff7098436463f3',
  forbidden: 'DCRA1-a158d3d9bd7a4e02b0d819e01c777e11',
  rateLimited: 'DCRA1-afe68b1dc9414f56873d6430b85ad913',
  serverError: 'DCRA1-0bf763f2b3e94330be4f20b8c0854b33',
  notJson: 'DCRA1-b3974e4cc03b416aaa1affc2f4c6ca00',
  hang: 'DCRA1-4411bdd860154127a83f90e7646afcc7',
  redirect: 'DCRA1-5c27ac45a62c4260afa3faed9e9b2849',
  drop: 'DCRA1-f0b18d36db6945e6a286049bad6162b9',
  slowOk: 'DCRA1-451154a3763045b7a611f3748d59240d',
  // Reads jobs; 401 on configuration and audit events, 403 on users and the acting user.
  limited: 'DCRA1-7d0c9e2b5a4f41c3b8e6a1d2f3c4b5a6',
});

/** The acting user of a working key (UserEntity): its System role is what the tester reads. */
export const FAKE_ME = Object.freeze({
  id: '5f1d2b3c4a5e6f7a8b9c0d1e',
  email: 'integration@acme.example',
  firstName: 'Integration',
  lastName: 'User',
  systemRole: { id: 'ADMINISTRATOR', name: 'Administrator' },
  accessGroups: [],
});

/** What `GET /configuration/company` returns for a working key. */
export const FAKE_COMPANY = Object.freeze({
  identifier: 'AcmeCorp1',
  name: 'Acme Corp',
  location: { country: 'United States', countryCode: 'us', city: 'Springfield' },
  website: { url: 'https://acme.example' },
  industry: { id: 'computer_software', label: 'Computer Software' },
});

/** SmartRecruiters sends its limits on every response; the tester must not trip over them. */
const RATE_LIMIT = 10;
const CONCURRENT_LIMIT = 8;

/** @param {number} remaining @returns {OutgoingHttpHeaders} */
const rateLimitHeaders = (remaining) => ({
  'X-RateLimit-Limit': String(RATE_LIMIT),
  'X-RateLimit-Remaining': String(remaining),
  'X-RateLimit-Concurrent-Limit': String(CONCURRENT_LIMIT),
  'X-RateLimit-Concurrent-Remaining': String(CONCURRENT_LIMIT - 1),
});

/**
 * @param {ServerResponse} res
 * @param {number} status
 * @param {string} contentType
 * @param {string} body
 * @param {OutgoingHttpHeaders} [extraHeaders]
 */
function send(res, status, contentType, body, extraHeaders = {}) {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    ...rateLimitHeaders(RATE_LIMIT - 1),
    ...extraHeaders,
  });
  res.end(body);
}

/** @param {ServerResponse} res @param {number} status @param {unknown} body @param {OutgoingHttpHeaders} [extraHeaders] */
const sendJson = (res, status, body, extraHeaders) =>
  send(res, status, 'application/json;charset=UTF-8', JSON.stringify(body), extraHeaders);

/** @param {string} message @param {string} code @param {string} detail */
const errorBody = (message, code, detail) => ({ message, errors: [{ code, message: detail }] });

/** @type {Responder} */
const unauthorized = (_req, res) =>
  sendJson(res, 401, errorBody('Unauthorized', 'UNAUTHORIZED_ACCESS', 'The API key is missing, invalid or revoked.'));

/** @type {Record<Area, unknown>} What each area answers a working key: list envelopes hold at most `limit` items. */
const OK_BODIES = {
  configuration: FAKE_COMPANY,
  jobs: { offset: 0, limit: 1, totalFound: 1, content: [{ id: 'job-1', title: 'Engineer' }] },
  users: { offset: 0, limit: 1, totalFound: 1, content: [{ id: FAKE_ME.id, email: FAKE_ME.email }] },
  me: FAKE_ME,
  audit: { limit: 1, content: [] },
};

/** @type {Responder} */
const okResponder = (_req, res, area) => sendJson(res, 200, OK_BODIES[area]);

/** @type {Responder} */
const forbiddenResponder = (_req, res) =>
  sendJson(res, 403, errorBody('Forbidden', 'PERMISSION_DENIED', 'Request missed required scopes'));

/** @param {number} slowOkDelayMs @returns {Record<Scenario, Responder>} */
function createResponders(slowOkDelayMs) {
  return {
    ok: okResponder,
    invalid: unauthorized,
    forbidden: forbiddenResponder,
    limited: (req, res, area) => {
      if (area === 'jobs') okResponder(req, res, area);
      else if (area === 'users' || area === 'me') forbiddenResponder(req, res, area);
      else unauthorized(req, res, area);
    },
    // The body is the documented envelope without a code: none is documented for 429.
    rateLimited: (_req, res) =>
      sendJson(res, 429, { message: 'Too many requests' }, {
        'Retry-After': String(RETRY_AFTER_SECONDS),
        ...rateLimitHeaders(0),
      }),
    // A gateway's HTML error page, as a real outage would more likely produce than a JSON body.
    serverError: (_req, res) =>
      send(res, 503, 'text/html; charset=utf-8', '<html><body><h1>503 Service Unavailable</h1></body></html>'),
    // What a captive portal or a misconfigured proxy answers in place of the API.
    notJson: (_req, res) =>
      send(res, 200, 'text/html; charset=utf-8', '<!doctype html><title>Sign in</title><form>Sign in</form>'),
    hang: () => {},
    redirect: (_req, res) => send(res, 302, 'text/plain; charset=utf-8', '', { Location: REDIRECT_TARGET }),
    drop: (req) => req.socket.destroy(),
    slowOk: (req, res, area) => {
      const timer = setTimeout(() => okResponder(req, res, area), slowOkDelayMs);
      // A client that gives up (or a server close) must not leave the timer behind.
      res.on('close', () => clearTimeout(timer));
    },
  };
}

/**
 * @param {{ slowOkDelayMs?: number, unknownKeys?: Scenario }} [options] `unknownKeys`: how a key
 *   nobody registered is answered; by default as the real API answers a wrong key (401). The demo
 *   makes every freshly generated replica key work.
 * @returns {{ handle: (req: IncomingMessage, res: ServerResponse) => void, setScenario: (key: string, scenario: Scenario) => void }}
 */
export function createFakeApi({ slowOkDelayMs = DEFAULT_SLOW_OK_DELAY_MS, unknownKeys } = {}) {
  const responders = createResponders(slowOkDelayMs);
  /** @type {Map<string, Scenario>} */
  const scenarios = new Map(
    /** @type {[Scenario, string][]} */ (Object.entries(FAKE_KEYS)).map(([scenario, key]) => [key, scenario]),
  );

  return {
    handle(req, res) {
      const { pathname } = new URL(req.url ?? '/', 'https://api.smartrecruiters.com');
      const area = /** @type {Area | undefined} */ (
        Object.entries(AREA_PATHS).find(([, path]) => path === pathname)?.[0]
      );
      // Only the tester's endpoints exist here; anything else is a test-bed bug worth seeing.
      if (req.method !== 'GET' || !area) {
        sendJson(res, 404, errorBody('Not Found', 'NOT_FOUND', 'No such endpoint.'));
        return;
      }

      const key = req.headers['x-smarttoken'];
      const scenario = typeof key === 'string' ? (scenarios.get(key) ?? unknownKeys) : undefined;
      (scenario ? responders[scenario] : unauthorized)(req, res, area);
    },
    setScenario(key, scenario) {
      // Callers in plain JavaScript get no type check; a typo must fail loudly, not answer 401.
      if (!Object.hasOwn(responders, scenario)) throw new Error(`Unknown fake API scenario: ${scenario}`);
      scenarios.set(key, scenario);
    },
  };
}
