import type { Connection, TestResult } from '../connections/schema';
import { isFailing } from '../connections/is-failing';

/** The list's orders: by name, by last test (newest first), by verdict (failing first), by date added (newest first). */
export const SORT_KEYS = ['name', 'tested', 'verdict', 'added'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

type ResultOf = (connection: Connection) => TestResult | undefined;

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const byName = (a: Connection, b: Connection) => collator.compare(a.name, b.name);

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
 * What a search looks in: the name, the URL, the note (kept per record: a changed record is a new
 * object), and the company the last test returned (results change apart from the record).
 */
const searchable = new WeakMap<Connection, string>();
function textOf(connection: Connection, resultOf: ResultOf): string {
  let text = searchable.get(connection);
  if (text === undefined) {
    text = [connection.name, connection.url, connection.note].join('\n').toLocaleLowerCase();
    searchable.set(connection, text);
  }
  const company = resultOf(connection)?.company;
  return company ? `${text}\n${company.toLocaleLowerCase()}` : text;
}

/** Keeps the order; every word of the search must appear somewhere in a connection's text. */
export function filterConnections(
  sorted: readonly Connection[],
  search: string,
  failingOnly: boolean,
  resultOf: ResultOf,
): readonly Connection[] {
  const words = search.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0 && !failingOnly) return sorted;
  return sorted.filter(
    (c) => (!failingOnly || isFailing(resultOf(c))) && words.every((word) => textOf(c, resultOf).includes(word)),
  );
}
