import { describe, expect, it, vi } from 'vitest';
import { type TesterDeps, testConnection } from './test-connection';

const KEY = 'DCRA1-0123456789abcdef0123456789abcdef';
const target = { url: 'https://api.smartrecruiters.com', key: KEY };

function deps(fetchImpl: TesterDeps['fetch'], timeoutMs = 10_000): TesterDeps {
  let t = 0;
  return { fetch: fetchImpl, now: () => 5_000, clock: () => (t += 40), timeoutMs };
}

describe('testConnection', () => {
  it('calls the company endpoint with the key in X-SmartToken, never following redirects', async () => {
    const fetchImpl = vi.fn<TesterDeps['fetch']>(async () =>
      new Response('{"name":"Acme"}', { status: 200, headers: { 'content-type': 'application/json' } }),
    );
    const result = await testConnection(target, deps(fetchImpl));
    expect(result).toEqual({
      at: 5_000,
      category: 'connected',
      status: 200,
      latencyMs: 40,
      endpoint: 'GET https://api.smartrecruiters.com/configuration/company',
      company: 'Acme',
    });
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('https://api.smartrecruiters.com/configuration/company');
    expect(init).toMatchObject({ redirect: 'manual', credentials: 'omit', headers: { 'X-SmartToken': KEY } });
    expect(JSON.stringify(result)).not.toContain(KEY);
  });

  it('reports a refused connection as a network error', async () => {
    const result = await testConnection(target, deps(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect(result).toMatchObject({ category: 'network', status: null });
  });

  it('times out a server that never answers', async () => {
    const hang: TesterDeps['fetch'] = (_url, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const result = await testConnection(target, deps(hang, 20));
    expect(result).toMatchObject({ category: 'timeout', status: null });
  });

  it('never stores a key the server echoes back', async () => {
    const echo = async () =>
      new Response(JSON.stringify({ message: `Key ${KEY} is revoked` }), {
        status: 401,
        headers: { 'content-type': 'application/json' },
      });
    const result = await testConnection(target, deps(echo));
    expect(result.category).toBe('invalid-key');
    expect(result.detail).toBe('Key ••• is revoked');
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
    expect(result.category).toBe('unexpected');
    expect(pulls).toBeLessThan(10);
  });
});
