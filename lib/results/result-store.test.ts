import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TestResult } from '../connections/schema';
import { HISTORY_MAX, clampResult, parseResults, resultKey } from './result-schema';
import { createResultStore } from './result-store';

const NOW = 1_764_000_000_000;
const result = (at: number, extra: Partial<TestResult> = {}): TestResult => ({
  at,
  category: 'connected',
  status: 200,
  latencyMs: 120,
  endpoint: 'GET https://api.smartrecruiters.com/configuration/company',
  ...extra,
});

describe('result store', () => {
  it('keeps the last full result and at most 10 compact history entries, apart from the vault', async () => {
    fakeBrowser.reset();
    const store = createResultStore(fakeBrowser.storage.local, () => NOW);
    for (let i = 0; i < 12; i++) await store.record([{ id: 'a', result: result(NOW + i, { company: 'Acme' }) }]);
    const read = await store.read('a');
    expect(read.last).toMatchObject({ at: NOW + 11, company: 'Acme' });
    expect(read.history).toHaveLength(HISTORY_MAX);
    expect(read.history[0]).toEqual({ at: NOW + 2, category: 'connected', status: 200, latencyMs: 120 });
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual([resultKey('a')]);
  });

  it('writes many connections in one call', async () => {
    fakeBrowser.reset();
    const store = createResultStore(fakeBrowser.storage.local, () => NOW);
    let writes = 0;
    fakeBrowser.storage.onChanged.addListener(() => void writes++);
    await store.record(Array.from({ length: 20 }, (_, i) => ({ id: `c${i}`, result: result(NOW) })));
    expect(writes).toBe(1);
    expect(Object.keys(await store.readMany(['c0', 'c19']))).toEqual(['c0', 'c19']);
  });

  it('clamps what a hostile server sent before storing it', () => {
    const clamped = clampResult(result(NOW, { company: 'x'.repeat(600), detail: 'y'.repeat(5_000), retryAt: 99_999_999_999_999_999 }), NOW);
    expect(clamped?.company).toHaveLength(120);
    expect(clamped?.detail).toHaveLength(300);
    expect(clamped?.retryAt).toBe(NOW + 24 * 3_600_000);
    expect(clampResult('nonsense' as unknown as TestResult)).toBeUndefined();
  });

  it('drops a bad stored entry alone, never the connection', () => {
    const stored = {
      last: { ...result(NOW), company: 'z'.repeat(600) },
      history: [{ at: NOW, category: 'connected', status: 200, latencyMs: 1 }, { at: 'yesterday' }, null],
    };
    expect(parseResults(stored)).toEqual({ history: [{ at: NOW, category: 'connected', status: 200, latencyMs: 1 }] });
    expect(parseResults('garbage')).toEqual({ history: [] });
  });

  it('forgets the last result of a connection whose key changed, keeping its history', async () => {
    fakeBrowser.reset();
    const store = createResultStore(fakeBrowser.storage.local, () => NOW);
    await store.record([{ id: 'a', result: result(NOW) }]);
    await store.forgetLast('a');
    expect(await store.read('a')).toEqual({ history: [{ at: NOW, category: 'connected', status: 200, latencyMs: 120 }] });
  });
});

describe('storage budget', () => {
  it('keeps 5,000 connections with full history well inside storage.local', () => {
    const full = result(NOW, {
      category: 'limited',
      company: 'Acme Corporation International (AcmeCorp1)',
      role: 'Administrator',
      detail: 'Unauthorized — UNAUTHORIZED_ACCESS: The API key is missing, invalid or revoked.',
      probes: (['configuration', 'jobs', 'users', 'me', 'audit'] as const).map((area) => ({ area, status: 401 })),
      budget: { limit: 10, remaining: 9, concurrentLimit: 8, concurrentRemaining: 7 },
    });
    let entry = parseResults(undefined);
    for (let i = 0; i < HISTORY_MAX; i++) entry = { last: full, history: [...entry.history, { at: NOW + i, category: 'limited', status: 401, latencyMs: 1234 }] };
    const perConnection = JSON.stringify({ [resultKey('5b0c3f5e-8a51-4c51-9d0e-6c1f7b0f9a11')]: entry }).length;
    // Chrome counts a key's name and its JSON value; the README states this budget.
    expect(perConnection).toBeLessThan(1_400);
    expect(perConnection * 5_000).toBeLessThan(7 * 1024 * 1024);
  });
});
