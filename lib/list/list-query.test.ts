import { describe, expect, it } from 'vitest';
import type { Connection, TestResult } from '../connections/schema';
import { environmentOf } from '../connections/environment';
import { filterConnections, sortConnections } from './list-query';

const result = (category: string, at: number, company?: string) =>
  ({ at, category, status: 200, latencyMs: 1, endpoint: 'GET x', ...(company && { company }) }) as TestResult;
const connection = (name: string, createdAt: number, extra: Partial<Connection> = {}): Connection => ({
  id: name, name, url: 'https://api.smartrecruiters.com', key: { kind: 'plain', value: 'k' }, note: '', source: 'typed', createdAt, updatedAt: createdAt, ...extra,
});

const list = [
  connection('beta', 2, { lastTest: result('connected', 50, 'Acme Corp') }),
  connection('Alpha', 3, { lastTest: result('invalid-key', 10) }),
  connection('gamma', 1, { note: 'Payroll spoke', url: 'https://api.sandbox.smartrecruiters.com' }),
  connection('delta', 4, { lastTest: result('limited', 30) }),
  connection('epsilon', 5, { lastTest: result('rate-limited', 40) }),
];
const names = (items: readonly Connection[]) => items.map((c) => c.name);

describe('sorting the list', () => {
  it('by name, ignoring case', () => expect(names(sortConnections(list, 'name'))).toEqual(['Alpha', 'beta', 'delta', 'epsilon', 'gamma']));
  it('by date added, newest first', () => expect(names(sortConnections(list, 'added'))).toEqual(['epsilon', 'delta', 'Alpha', 'beta', 'gamma']));
  it('by last test, newest first, never tested last', () =>
    expect(names(sortConnections(list, 'tested'))).toEqual(['beta', 'epsilon', 'delta', 'Alpha', 'gamma']));
  it('by verdict: failing first, a limited or rate-limited one is not failing, never tested last', () =>
    expect(names(sortConnections(list, 'verdict'))).toEqual(['Alpha', 'delta', 'epsilon', 'beta', 'gamma']));
  it('reads results through the function it is given', () =>
    expect(names(sortConnections(list, 'verdict', (c) => (c.name === 'gamma' ? result('network', 1) : undefined)))).toEqual(['gamma', 'Alpha', 'beta', 'delta', 'epsilon']));
});

describe('searching and filtering', () => {
  it('finds by name, URL, note and the company of the last test, every word anywhere', () => {
    expect(names(filterConnections(list, 'ALP', false))).toEqual(['Alpha']);
    expect(names(filterConnections(list, 'sandbox', false))).toEqual(['gamma']);
    expect(names(filterConnections(list, 'payroll', false))).toEqual(['gamma']);
    expect(names(filterConnections(list, 'acme', false))).toEqual(['beta']);
    expect(names(filterConnections(list, 'corp acme', false))).toEqual(['beta']);
    expect(names(filterConnections(list, 'acme gamma', false))).toEqual([]);
  });
  it('shows only failing connections when asked, keeping the order', () => {
    expect(names(filterConnections(list, '', true))).toEqual(['Alpha']);
    expect(filterConnections(list, ' ', false)).toBe(list);
  });
});

describe('environment of a URL', () => {
  it('tells production, sandbox and other hosts apart', () => {
    expect(environmentOf('https://api.smartrecruiters.com')).toEqual({ kind: 'production' });
    expect(environmentOf('https://api.sandbox.smartrecruiters.com/')).toEqual({ kind: 'sandbox' });
    expect(environmentOf('https://sandbox.proxy.example.com')).toEqual({ kind: 'custom', host: 'sandbox.proxy.example.com' });
  });
});
