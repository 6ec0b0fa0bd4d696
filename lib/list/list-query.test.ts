import { describe, expect, it } from 'vitest';
import type { Connection, TestResult } from '../connections/schema';
import { firstByName } from './first-by-name';
import { createListFilter, filterConnections, prepareSearch, sortConnections } from './list-query';

const result = (category: string, at: number, company?: string) =>
  ({ at, category, status: 200, latencyMs: 1, endpoint: 'GET x', ...(company && { company }) }) as TestResult;
const connection = (name: string, createdAt: number, extra: Partial<Connection> = {}): Connection => ({
  id: name, name, url: 'https://api.smartrecruiters.com', key: { kind: 'plain', value: 'k' }, note: '', source: 'typed', createdAt, updatedAt: createdAt, ...extra,
});

const list = [
  connection('beta', 2),
  connection('Alpha', 3),
  connection('gamma', 1, { note: 'Payroll spoke', url: 'https://api.sandbox.smartrecruiters.com' }),
  connection('delta', 4),
  connection('epsilon', 5),
];
const results: Record<string, TestResult> = {
  beta: result('connected', 50, 'Acme Corp'),
  Alpha: result('invalid-key', 10),
  delta: result('limited', 30),
  epsilon: result('rate-limited', 40),
};
const resultOf = (c: Connection) => results[c.id];
const names = (items: readonly Connection[]) => items.map((c) => c.name);

describe('sorting the list', () => {
  it('by name, ignoring case', () => expect(names(sortConnections(list, 'name', resultOf))).toEqual(['Alpha', 'beta', 'delta', 'epsilon', 'gamma']));
  it('by date added, newest first', () => expect(names(sortConnections(list, 'added', resultOf))).toEqual(['epsilon', 'delta', 'Alpha', 'beta', 'gamma']));
  it('by last test, newest first, never tested last', () =>
    expect(names(sortConnections(list, 'tested', resultOf))).toEqual(['beta', 'epsilon', 'delta', 'Alpha', 'gamma']));
  it('by verdict: failing first (limited and rate-limited included, by category), then connected, never tested last', () =>
    expect(names(sortConnections(list, 'verdict', resultOf))).toEqual(['Alpha', 'delta', 'epsilon', 'beta', 'gamma']));
  it('reads results through the function it is given', () =>
    expect(names(sortConnections(list, 'verdict', (c) => (c.name === 'gamma' ? result('network', 1) : undefined)))).toEqual(['gamma', 'Alpha', 'beta', 'delta', 'epsilon']));
});

describe("the list's first screen", () => {
  it('is the start of the name order, in whatever order the list comes, whatever the count', () => {
    // Names that tie under the collator (case, accents, numbers compared as numbers) and repeat.
    const words = ['prod', 'Prod', 'PROD', 'pröd', 'sandbox 2', 'sandbox 10', 'Sandbox 2', 'alpha', 'Ålpha', 'zeta', 'beta'];
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    // Some added at the same moment: ties then go by id.
    const many = Array.from({ length: 400 }, (_, i) => ({ ...connection(words[Math.floor(random() * words.length)]!, Math.floor(i / 3)), id: `c${i}` }));
    const shuffled = [...many].sort(() => random() - 0.5);
    for (const count of [1, 2, 5, 24, 399, 400, 500]) {
      expect(firstByName(shuffled, count).map((c) => c.id)).toEqual(sortConnections(many, 'name', resultOf).slice(0, count).map((c) => c.id));
    }
    expect(firstByName([], 3)).toEqual([]);
    expect(firstByName(many, 0)).toEqual([]);
  });
});

describe('searching and filtering', () => {
  it('finds by name, URL, note and the company of the last test, every word anywhere', () => {
    expect(names(filterConnections(list, 'ALP', false, resultOf))).toEqual(['Alpha']);
    expect(names(filterConnections(list, 'sandbox', false, resultOf))).toEqual(['gamma']);
    expect(names(filterConnections(list, 'payroll', false, resultOf))).toEqual(['gamma']);
    expect(names(filterConnections(list, 'acme', false, resultOf))).toEqual(['beta']);
    expect(names(filterConnections(list, 'corp acme', false, resultOf))).toEqual(['beta']);
    expect(names(filterConnections(list, 'acme gamma', false, resultOf))).toEqual([]);
  });
  it('shows only failing connections when asked, keeping the order', () => {
    expect(names(filterConnections(list, '', true, resultOf))).toEqual(['Alpha', 'delta', 'epsilon']);
    expect(filterConnections(list, ' ', false, resultOf)).toBe(list);
  });
});

describe('the search box filter', () => {
  it('narrows what matched while the search grows, and starts over from the whole list otherwise', () => {
    const filter = createListFilter();
    const looked: string[] = [];
    const counting = (c: Connection) => (looked.push(c.name), resultOf(c));
    // No URL holds an "l": the names and the note do.
    expect(names(filter(list, 'l', false, counting))).toEqual(['Alpha', 'gamma', 'delta', 'epsilon']);
    looked.length = 0;
    expect(names(filter(list, 'lp', false, counting))).toEqual(['Alpha']);
    // Only the four that matched "l" were looked at again (beta, which did not, was not).
    expect(looked.length).toBeGreaterThan(0);
    expect(looked.filter((name) => !['Alpha', 'gamma', 'delta', 'epsilon'].includes(name))).toEqual([]);
    expect(names(filter(list, 'LP SPOKE', false, counting))).toEqual([]);
    // Another search, a changed filter, or another list: from the whole list again.
    expect(names(filter(list, 'e', false, counting))).toEqual(['beta', 'Alpha', 'gamma', 'delta', 'epsilon']);
    expect(names(filter(list, 'e', true, counting))).toEqual(['Alpha', 'delta', 'epsilon']);
    const longer = [...list, connection('zeta', 6)];
    expect(names(filter(longer, 'eta', false, counting))).toEqual(['beta', 'zeta']);
  });

  it('finds a company a newer result brought', () => {
    const filter = createListFilter();
    let company = 'Acme Corp';
    const withCompany = (c: Connection) => (c.name === 'gamma' ? result('connected', 1, company) : undefined);
    expect(names(filter(list, 'acme', false, withCompany))).toEqual(['gamma']);
    company = 'Globex';
    expect(names(filterConnections(list, 'globex', false, withCompany))).toEqual(['gamma']);
  });
});

describe('preparing search texts while idle', () => {
  it('stops when told there is no more time, and goes on from there', () => {
    const many = Array.from({ length: 250 }, (_, i) => connection(`c${i}`, i));
    let asked = 0;
    expect(prepareSearch(many, 0, () => ++asked < 2)).toBe(100);
    expect(prepareSearch(many, 100)).toBe(250);
    expect(names(filterConnections(many, 'c249', false, resultOf))).toEqual(['c249']);
  });
});
