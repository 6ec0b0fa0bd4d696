import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AREA_PATHS,
  COMPANY_PATH,
  FAKE_COMPANY,
  FAKE_KEYS,
  REDIRECT_TARGET,
  RETRY_AFTER_SECONDS,
  startFakeSmartRecruiters,
  type FakeSmartRecruiters,
} from '../support/fake-smartrecruiters.mjs';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

interface Call {
  host?: string;
  path?: string;
  method?: string;
  key?: string;
}

/** A request as Chromium sends it after host mapping: to 127.0.0.1, named by its Host header. */
function call(port: number, { host = 'api.smartrecruiters.com', path = COMPANY_PATH, method = 'GET', key }: Call): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        servername: host,
        headers: { Host: host, ...(key !== undefined && { 'X-SmartToken': key }) },
        rejectUnauthorized: false,
        // A fresh connection per call, so a dropped socket never affects the next test.
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const SLOW_OK_DELAY_MS = 300;

describe('fake SmartRecruiters API', () => {
  let server: FakeSmartRecruiters;
  const api = (options: Omit<Call, 'host'>) => call(server.port, options);

  beforeAll(async () => {
    server = await startFakeSmartRecruiters({ slowOkDelayMs: SLOW_OK_DELAY_MS });
  });
  afterAll(() => server.close());
  beforeEach(() => server.clearRequests());

  it('the keys look real and are distinct', () => {
    const keys = Object.values(FAKE_KEYS);
    for (const key of keys) expect(key).toMatch(/^DCRA1-[0-9a-f]{32}$/);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('ok: 200 with the company as JSON and the rate-limit headers', async () => {
    const reply = await api({ key: FAKE_KEYS.ok });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(reply.body)).toEqual(FAKE_COMPANY);
    expect(JSON.parse(reply.body)).toMatchObject({ identifier: 'AcmeCorp1', name: 'Acme Corp' });
    expect(reply.headers['x-ratelimit-limit']).toBe('10');
    expect(reply.headers['x-ratelimit-remaining']).toBe('9');
  });

  it.each([
    ['invalid key', FAKE_KEYS.invalid],
    ['unknown key', 'DCRA1-00000000000000000000000000000000'],
    ['no key', undefined],
  ])('%s: 401 with an UNAUTHORIZED_ACCESS body', async (_name, key) => {
    const reply = await api({ key });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ message: 'Unauthorized', errors: [{ code: 'UNAUTHORIZED_ACCESS' }] });
    expect(reply.headers['x-ratelimit-limit']).toBeDefined();
  });

  it('forbidden: 403 with a PERMISSION_DENIED body', async () => {
    const reply = await api({ key: FAKE_KEYS.forbidden });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ errors: [{ code: 'PERMISSION_DENIED' }] });
  });

  it('rateLimited: 429 with Retry-After and nothing remaining', async () => {
    const reply = await api({ key: FAKE_KEYS.rateLimited });
    expect(reply.status).toBe(429);
    expect(reply.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
    expect(reply.headers['x-ratelimit-limit']).toBe('10');
    expect(reply.headers['x-ratelimit-remaining']).toBe('0');
  });

  it('serverError: 503', async () => {
    const reply = await api({ key: FAKE_KEYS.serverError });
    expect(reply.status).toBe(503);
    expect(reply.headers['x-ratelimit-remaining']).toBeDefined();
  });

  it('notJson: 200 with an HTML page', async () => {
    const reply = await api({ key: FAKE_KEYS.notJson });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(() => JSON.parse(reply.body)).toThrow();
  });

  it('redirect: 302 to a foreign host', async () => {
    const reply = await api({ key: FAKE_KEYS.redirect });
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe(REDIRECT_TARGET);
  });

  it('drop: the connection is cut without an answer', async () => {
    await expect(api({ key: FAKE_KEYS.drop })).rejects.toThrow(/socket hang up|ECONNRESET/);
  });

  it('slowOk: 200 after the configured delay', async () => {
    const started = performance.now();
    const reply = await api({ key: FAKE_KEYS.slowOk });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual(FAKE_COMPANY);
    // A little slack: timers may fire a millisecond early relative to performance.now().
    expect(performance.now() - started).toBeGreaterThanOrEqual(SLOW_OK_DELAY_MS - 5);
  });

  it('a key registered at run time gets its scenario', async () => {
    const key = 'DCRA1-1234567890abcdef1234567890abcdef';
    expect((await api({ key })).status).toBe(401);
    server.api.setScenario(key, 'forbidden');
    expect((await api({ key })).status).toBe(403);
  });

  it('rejects an unknown scenario name', () => {
    expect(() => server.api.setScenario(FAKE_KEYS.ok, 'nope' as never)).toThrow(/Unknown fake API scenario/);
  });

  it('answers each area of the access check in its published shape', async () => {
    const body = async (path: string, key = FAKE_KEYS.ok) => {
      const reply = await api({ key, path });
      return { status: reply.status, body: JSON.parse(reply.body) as Record<string, unknown> };
    };
    expect(await body(`${AREA_PATHS.jobs}?limit=1`)).toMatchObject({ status: 200, body: { totalFound: 1, content: [expect.any(Object)] } });
    expect(await body(`${AREA_PATHS.users}?limit=1`)).toMatchObject({ status: 200, body: { content: [expect.any(Object)] } });
    expect(await body(AREA_PATHS.me)).toMatchObject({ status: 200, body: { systemRole: { id: 'ADMINISTRATOR', name: 'Administrator' } } });
    expect(await body(`${AREA_PATHS.audit}?limit=1`)).toMatchObject({ status: 200, body: { content: [] } });
  });

  it('limited: reads jobs, 401 on configuration and audit events, 403 on users, every error in the ErrorResponse shape', async () => {
    const status = async (path: string) => (await api({ key: FAKE_KEYS.limited, path })).status;
    expect(await status(COMPANY_PATH)).toBe(401);
    expect(await status(`${AREA_PATHS.jobs}?limit=1`)).toBe(200);
    expect(await status(`${AREA_PATHS.users}?limit=1`)).toBe(403);
    expect(await status(AREA_PATHS.me)).toBe(403);
    expect(await status(`${AREA_PATHS.audit}?limit=1`)).toBe(401);
    // ErrorResponse: `errors` (each with a `code`) is required, `message` is not.
    const reply = JSON.parse((await api({ key: FAKE_KEYS.limited, path: AREA_PATHS.users })).body) as { errors: Array<{ code: string }> };
    expect(reply.errors.every((e) => typeof e.code === 'string')).toBe(true);
  });

  it('other paths and methods: 404 JSON, still with rate-limit headers', async () => {
    for (const reply of [
      await api({ key: FAKE_KEYS.ok, path: '/candidates?limit=1' }),
      await api({ key: FAKE_KEYS.ok, method: 'POST' }),
    ]) {
      expect(reply.status).toBe(404);
      expect(JSON.parse(reply.body)).toMatchObject({ message: 'Not Found' });
      expect(reply.headers['x-ratelimit-limit']).toBe('10');
    }
  });

  it('the sandbox API host is served too', async () => {
    const reply = await call(server.port, { host: 'api.sandbox.smartrecruiters.com', key: FAKE_KEYS.ok });
    expect(reply.status).toBe(200);
  });

  it('records where each request went, and clears the record', async () => {
    await api({ key: FAKE_KEYS.ok, path: `${COMPANY_PATH}?probe=1` });
    expect(server.requests).toEqual([
      {
        host: 'api.smartrecruiters.com',
        method: 'GET',
        path: `${COMPANY_PATH}?probe=1`,
        headers: expect.objectContaining({ 'x-smarttoken': FAKE_KEYS.ok }),
      },
    ]);
    server.clearRequests();
    expect(server.requests).toEqual([]);
  });

  it('a host it does not serve: 421, and the request is still recorded', async () => {
    const reply = await call(server.port, { host: 'evil.example' });
    expect(reply.status).toBe(421);
    expect(server.requests.map((r) => r.host)).toEqual(['evil.example']);
  });
});

describe('fake SmartRecruiters API, hang scenario', () => {
  it('never answers, and close() cuts the hanging connection', async () => {
    const server = await startFakeSmartRecruiters();
    const pending = call(server.port, { key: FAKE_KEYS.hang });
    const outcome = pending.then(
      () => 'answered',
      () => 'cut',
    );
    await expect.poll(() => server.requests.length).toBe(1);
    const raced = await Promise.race([outcome, new Promise((resolve) => setTimeout(resolve, 300, 'waiting'))]);
    expect(raced).toBe('waiting');
    await server.close();
    expect(await outcome).toBe('cut');
  });
});

describe('fake portal (www.smartrecruiters.com)', () => {
  let server: FakeSmartRecruiters;
  let portalDir: string;
  const www = (requestPath: string, method = 'GET') =>
    call(server.port, { host: 'www.smartrecruiters.com', path: requestPath, method });

  beforeAll(async () => {
    // Its own folder, so these checks do not depend on what tests/fixtures/portal holds today.
    portalDir = await mkdtemp(path.join(os.tmpdir(), 'fake-portal-'));
    await mkdir(path.join(portalDir, 'assets'));
    await writeFile(path.join(portalDir, 'index.html'), '<!doctype html><title>Portal shell</title>');
    await writeFile(path.join(portalDir, 'assets', 'app.js'), 'export {};');
    await writeFile(path.join(portalDir, 'assets', 'app.css'), 'body {}');
    await writeFile(path.join(portalDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    server = await startFakeSmartRecruiters({ portalDir });
  });
  afterAll(async () => {
    await server.close();
    await rm(portalDir, { recursive: true, force: true });
  });

  it.each([
    ['/', 'text/html; charset=utf-8', 'Portal shell'],
    ['/assets/app.js', 'text/javascript; charset=utf-8', 'export {};'],
    ['/assets/app.css', 'text/css; charset=utf-8', 'body {}'],
    ['/assets/logo.svg', 'image/svg+xml', '<svg'],
  ])('serves %s as %s', async (requestPath, type, content) => {
    const reply = await www(requestPath);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(type);
    expect(reply.body).toContain(content);
  });

  it('serves the app shell for a deep link under /settings/', async () => {
    const reply = await www('/settings/administration/app-management/custom-applications');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('Portal shell');
  });

  it('404 for a missing file outside /settings/', async () => {
    expect((await www('/account/missing.js')).status).toBe(404);
  });

  it('never serves a file outside its folder', async () => {
    expect((await www('/..%2F..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect((await www('/settings/..%2F..%2F..%2Fetc%2Fpasswd')).body).toContain('Portal shell');
  });

  it('serves the test bed fixture under /__test-bed/', async () => {
    const reply = await www('/__test-bed/hello.html');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('Served by the local SmartRecruiters replica');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await www('/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await www('/', 'POST')).status).toBe(405);
  });
});
