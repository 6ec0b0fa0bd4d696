import type { Connection, TestResult } from '../connections/schema';
import { isFailing } from '../connections/is-failing';
import { byName, collator } from './by-name';

/** The list's orders: by name, by last test (newest first), by verdict (failing first), by date added (newest first). */
export const SORT_KEYS = ['name', 'tested', 'verdict', 'added'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

type ResultOf = (connection: Connection) => TestResult | undefined;

/** The orders that read test results: only they change as results come in. */
export const sortReadsResults = (sort: SortKey): boolean => sort === 'tested' || sort === 'verdict';

/** Failing first (worst news on top), then working with a reservation, then connected, then never tested. */
function verdictRank(result: TestResult | undefined): number {
  if (!result) return 3;
  if (isFailing(result)) return 0;
  return result.category === 'connected' ? 2 : 1;
}

/** A new array in the chosen order; ties go by name. */
export function sortConnections(connections: readonly Connection[], sort: SortKey, resultOf: ResultOf): Connection[] {
  const compare: Record<SortKey, (a: Connection, b: Connection) => number> = {
    name: () => 0,
    added: (a, b) => b.createdAt - a.createdAt,
    tested: (a, b) => (resultOf(b)?.at ?? -1) - (resultOf(a)?.at ?? -1),
    verdict: (a, b) => {
      const ra = resultOf(a);
      const rb = resultOf(b);
      return verdictRank(ra) - verdictRank(rb) || collator.compare(ra?.category ?? '', rb?.category ?? '');
    },
  };
  const first = compare[sort];
  return [...connections].sort((a, b) => first(a, b) || byName(a, b));
}

/**
 * What a search looks in: the name, the URL and the note, kept per record (a changed record is a
 * new object), and the company the last test returned, apart (results change apart from records,
 * and thousands of them arrive at once when the list opens).
 */
const searchable = new WeakMap<Connection, string>();
function textOf(connection: Connection): string {
  let text = searchable.get(connection);
  if (text === undefined) {
    text = [connection.name, connection.url, connection.note].join('\n').toLocaleLowerCase();
    searchable.set(connection, text);
  }
  return text;
}
/** Companies are few and repeat across connections: each lowercased once. */
const lowerCompanies = new Map<string, string>();
function companyOf(connection: Connection, resultOf: ResultOf): string {
  const company = resultOf(connection)?.company;
  if (!company) return '';
  let lower = lowerCompanies.get(company);
  if (lower === undefined) lowerCompanies.set(company, (lower = company.toLocaleLowerCase()));
  return lower;
}

/**
 * Builds what textOf would, ahead of the first search, from connection `from` on, while `more()`
 * says there is time (asked every 100 connections); returns where it stopped.
 */
export function prepareSearch(connections: readonly Connection[], from = 0, more = () => true): number {
  let at = from;
  while (at < connections.length) {
    if (at % 100 === 0 && !more()) break;
    textOf(connections[at]!);
    at++;
  }
  return at;
}

const wordsOf = (search: string) => search.toLocaleLowerCase().split(/\s+/).filter(Boolean);

/** Keeps the order; every word of the search must appear somewhere in a connection's text. */
export function filterConnections(
  sorted: readonly Connection[],
  search: string,
  failingOnly: boolean,
  resultOf: ResultOf,
): readonly Connection[] {
  const words = wordsOf(search);
  if (words.length === 0 && !failingOnly) return sorted;
  // A word is within one field (fields are joined by line breaks, words split at spaces).
  const matches = (c: Connection) => {
    const text = textOf(c);
    return words.every((word) => text.includes(word) || companyOf(c, resultOf).includes(word));
  };
  return sorted.filter((c) => (!failingOnly || isFailing(resultOf(c))) && matches(c));
}

/**
 * filterConnections for a search box: when the search only grew (typing forward: every word it
 * had is now part of a longer one or followed by more), what matches now is among what matched
 * before, so only that is looked at again. With thousands of connections each keystroke then
 * costs what still matches, not the whole list.
 */
export function createListFilter() {
  let last: { sorted: readonly Connection[]; search: string; failingOnly: boolean; resultOf: ResultOf; shown: readonly Connection[] } | undefined;
  return (sorted: readonly Connection[], search: string, failingOnly: boolean, resultOf: ResultOf): readonly Connection[] => {
    const lower = search.toLocaleLowerCase();
    const narrows =
      last !== undefined &&
      last.sorted === sorted &&
      last.failingOnly === failingOnly &&
      last.resultOf === resultOf &&
      lower.startsWith(last.search);
    const shown = filterConnections(narrows ? last!.shown : sorted, search, failingOnly, resultOf);
    last = { sorted, search: lower, failingOnly, resultOf, shown };
    return shown;
  };
}
