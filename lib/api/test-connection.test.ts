import { describe, expect, it, vi } from 'vitest';
import { type TesterDeps, testConnection } from './test-connection';

const KEY = 'DCRA1-0123456789abcdef0123456789abcdef';
const target = { url: 'https://api.smartrecruiters.com', key: KEY };
const json = { 'content-type': 'application/json' };
const budgetHeaders = (remaining: number) => ({
  'x-ratelimit-limit': '10',
  'x-ratelimit-remaining': String(remaining),
  'x-ratelimit-concurrent-limit': '8',
  'x-ratelimit-concurrent-remaining': '7',
});

function deps(fetchImpl: TesterDeps['fetch'], extra: Partial<TesterDeps> = {}): TesterDeps {
  let t = 0;
  return { fetch: fetchImpl, now: () => 5_000, clock: () => (t += 40), giveUpMs: 10_000, sleep: async () => {}, ...extra };
}

/** A fake API that answers each path with a status (and a body for 2xx). */
function api(byPath: Record<string, number | [number, unknown]>, headers: Record<string, string> = {}) {
  return vi.fn<TesterDeps['fetch']>(async (input) => {
    const { pathname } = new URL(String(input));
    const answer = byPath[pathname] ?? 404;
    const [status, body] = Array.isArray(answer) ? answer : [answer, status2xxBody(answer)];
    return new Response(JSON.stringify(body), { status, headers: { ...json, ...headers } });
  });
}
const status2xxBody = (status: number) => (status < 300 ? {} : { message: 'No', errors: [{ code: 'X' }] });

const ALL_OK = {
  '/configuration/company': [200, { name: 'Acme', identifier: 'AcmeCorp1' }] as [number, unknown],
  '/jobs': 200,
  '/user-api/v201804/users': 200,
  '/user-api/v201804/users/me': [200, { systemRole: { id: 'ADMINISTRATOR', name: 'Administrator' } }] as [number, unknown],
  '/audit-api/v201910/audit-events': 200,
};

describe('testConnection: the access check', () => {
  it('calls the identity endpoint, then every area, with the key in X-SmartToken, never following redirects', async () => {
    const fetchImpl = api(ALL_OK, budgetHeaders(6));
    const result = await testConnection(target, deps(fetchImpl));
    expect(result).toMatchObject({
      category: 'connected',
      status: 200,
      company: 'Acme (AcmeCorp1)',
      role: 'Administrator',
      endpoint: 'GET https://api.smartrecruiters.com/configuration/company',
      budget: { limit: 10, remaining: 6, concurrentLimit: 8, concurrentRemaining: 7 },
      probes: { configuration: 200, jobs: 200, users: 200, me: 200, audit: 200 },
    });
    const urls = fetchImpl.mock.calls.map(([url]) => String(url));
    expect(urls[0]).toBe('https://api.smartrecruiters.com/configuration/company');
    expect(urls).toContain('https://api.smartrecruiters.com/jobs?limit=1');
    expect(urls).toHaveLength(5);
    for (const [, init] of fetchImpl.mock.calls) {
      expect(init).toMatchObject({ method: 'GET', redirect: 'manual', credentials: 'omit', headers: { 'X-SmartToken': KEY } });
    }
    expect(JSON.stringify(result)).not.toContain(KEY);
  });

  it('says Limited access for a key that reads jobs but gets 401 on configuration and 403 on users', async () => {
    const result = await testConnection(
      target,
      deps(api({ ...ALL_OK, '/configuration/company': 401, '/user-api/v201804/users': 403, '/user-api/v201804/users/me': 403, '/audit-api/v201910/audit-events': 401 })),
    );
    expect(result?.category).toBe('limited');
    expect(result?.probes).toEqual({ configuration: 401, jobs: 200, users: 403, me: 403, audit: 401 });
  });

  it('says Invalid API key only when every area answered 401', async () => {
    const all401 = Object.fromEntries(Object.keys(ALL_OK).map((p) => [p, 401]));
    expect((await testConnection(target, deps(api(all401))))?.category).toBe('invalid-key');
    const mostly = { ...all401, '/jobs': 403 };
    expect((await testConnection(target, deps(api(mostly))))?.category).toBe('access-denied');
  });

  it('does not probe further after a redirect, and says so', async () => {
    const fetchImpl = vi.fn<TesterDeps['fetch']>(async () => new Response(null, { status: 302, headers: { location: 'https://evil.example/' } }));
    const result = await testConnection(target, deps(fetchImpl));
    expect(result).toMatchObject({ category: 'unexpected', redirected: true, detail: 'https://evil.example/' });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(result?.probes).toEqual({ configuration: 302, jobs: null, users: null, me: null, audit: null });
  });

  it('reports a refused connection as a network error', async () => {
    const result = await testConnection(target, deps(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect(result).toMatchObject({ category: 'network', status: null });
  });

  it('gives up a server that never answers at the give-up time: Timed out', async () => {
    const hang: TesterDeps['fetch'] = (_url, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const result = await testConnection(target, deps(hang, { giveUpMs: 20 }));
    expect(result).toMatchObject({ category: 'timeout', status: null });
  });

  it('returns nothing when cancelled', async () => {
    const controller = new AbortController();
    const hang: TesterDeps['fetch'] = (_url, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const pending = testConnection(target, deps(hang, { signal: controller.signal }));
    controller.abort();
    expect(await pending).toBeUndefined();
  });

  it('backs off exponentially on a 429 without Retry-After, and says when the next try would be', async () => {
    const sleeps: number[] = [];
    const fetchImpl = api({ '/configuration/company': 429 });
    const result = await testConnection(target, deps(fetchImpl, { sleep: async (ms) => void sleeps.push(ms) }));
    expect(sleeps).toEqual([1_000, 2_000]);
    expect(result).toMatchObject({ category: 'rate-limited', retryAt: 5_000 + 4_000 });
    expect(fetchImpl).toHaveBeenCalledTimes(3);
  });

  it('retries a 429 after its Retry-After, and clamps an absurd one', async () => {
    let calls = 0;
    const fetchImpl = vi.fn<TesterDeps['fetch']>(async (input) =>
      String(input).endsWith('/configuration/company') && calls++ === 0
        ? new Response('{}', { status: 429, headers: { ...json, 'retry-after': '2' } })
        : new Response('{}', { status: 200, headers: json }),
    );
    const sleeps: number[] = [];
    expect((await testConnection(target, deps(fetchImpl, { sleep: async (ms) => void sleeps.push(ms) })))?.category).toBe('connected');
    expect(sleeps).toEqual([2_000]);
    const absurd = api({ '/configuration/company': 429 }, { 'retry-after': '99999999999999' });
    const result = await testConnection(target, deps(absurd));
    expect(result?.retryAt).toBeLessThanOrEqual(5_000 + 24 * 3_600_000);
  });

  it('tells the limiter what budget the API reported', async () => {
    const seen: unknown[] = [];
    await testConnection(target, deps(api(ALL_OK, budgetHeaders(0)), { observe: (b) => seen.push(b) }));
    expect(seen).toHaveLength(5);
    expect(seen[0]).toMatchObject({ remaining: 0 });
  });

  it('never stores a key the server echoes back, in any case or in part', async () => {
    const answer = (message: string) => api({ '/configuration/company': [401, { message }] });
    expect((await testConnection(target, deps(answer(`Key ${KEY} is revoked`))))?.detail).toBe('Key ••• is revoked');
    expect((await testConnection(target, deps(answer(`Key ${KEY.toUpperCase()} is revoked`))))?.detail).toBe('Key ••• is revoked');
    expect((await testConnection(target, deps(answer(`Key ending ${KEY.slice(-10)} is revoked`))))?.detail).toBeUndefined();
    // Long text is cut after redaction: an echo past the cut is found all the same.
    const long = `${'x'.repeat(400)} ${KEY.slice(3, 15).toUpperCase()}`;
    expect((await testConnection(target, deps(answer(long))))?.detail).toBeUndefined();
  });

  it('cuts a huge company name to size', async () => {
    const result = await testConnection(target, deps(api({ ...ALL_OK, '/configuration/company': [200, { name: 'n'.repeat(600) }] })));
    expect(result?.company?.length).toBeLessThanOrEqual(120);
  });

  it('stops reading an endless body', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let pulls = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(chunk);
      },
    });
    const result = await testConnection(target, deps(async () => new Response(endless, { status: 200 })));
    expect(result?.category).toBe('unexpected');
    expect(pulls).toBeLessThan(10);
  });
});
