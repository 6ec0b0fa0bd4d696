import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TestResult } from '../connections/schema';
import { type ConnectionResults, HISTORY_MAX, clampResult, parseResults, resultKey, toStored, withResult } from './result-schema';
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
    expect(clamped?.detail).toHaveLength(200);
    expect(clamped?.retryAt).toBe(NOW + 24 * 3_600_000);
    expect(clampResult('nonsense' as unknown as TestResult)).toBeUndefined();
  });

  it('drops a bad stored entry alone, never the connection', () => {
    const stored = {
      last: { ...result(NOW), company: 'z'.repeat(600) },
      history: [[NOW, 0, 200, 1], ['yesterday'], [NOW, 99, 200, 1], null],
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
      probes: { configuration: 401, jobs: 200, users: 403, me: 403, audit: 401 },
      budget: { limit: 10, remaining: 9, concurrentLimit: 8, concurrentRemaining: 7 },
    });
    let entry = parseResults(undefined);
    for (let i = 0; i < HISTORY_MAX; i++) entry = withResult(entry, { ...full, at: NOW + i, latencyMs: 12_345 });
    // Chrome counts a key's name and its JSON value. The README states this budget.
    const perConnection = (results: ConnectionResults) => `${resultKey('5b0c3f5e-8a51-4c51-9d0e-6c1f7b0f9a11')}`.length + JSON.stringify(toStored(results)).length;
    expect(perConnection(entry)).toBeLessThan(950);
    // The worst case: every text at its longest.
    const longest = clampResult({ ...full, endpoint: 'e'.repeat(999), company: 'c'.repeat(999), detail: 'd'.repeat(999), role: 'r'.repeat(999), retryAt: NOW }, NOW)!;
    expect(perConnection(withResult(entry, longest)) * 5_000).toBeLessThan(6 * 1024 * 1024);
  });
});
