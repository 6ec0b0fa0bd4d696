import { i18n } from '#i18n';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Connection, TestResult } from '@/lib/connections/schema';
import type { ConnectionResults } from '@/lib/results/result-schema';
import { SORT_KEYS, type SortKey, createListFilter, prepareSearch, sortConnections, sortReadsResults } from '@/lib/list/list-query';
import { listWindow, rowTop } from '@/lib/list/list-window';
import { type ItemActions, type ItemState, ConnectionItem } from './ConnectionItem';
import { sortText } from './messages';
import { testedWhen } from './tested-when';

/** A collapsed row's height in px: .row in app.css draws it exactly this high. */
export const ROW_HEIGHT = 42;
/** Rows drawn beyond the visible ones on each side, once the list has been scrolled. */
const OVERSCAN = 6;
/** Before the first measurement of the scroll box (a popup is at most 600 px high). */
const FIRST_VIEWPORT = 600;
/** The popup's first screen, read before the rest (useVaultView): every row drawn at first, and then some. */
export const LIST_HEAD_ROWS = Math.ceil(FIRST_VIEWPORT / ROW_HEIGHT) + OVERSCAN + 4;

interface ListProps {
  connections: readonly Connection[];
  /** Each connection's stored results (use-last-results.ts), by id. */
  results: Readonly<Record<string, ConnectionResults>>;
  stateOf(connection: Connection): ItemState;
  actions: ItemActions;
  /** A connection to bring into view once it is listed (one just added or saved). */
  showId?: string;
  /** Shared with Test all's summary, whose Failing only sets it too. */
  failingOnly: boolean;
  onFailingOnly(on: boolean): void;
  locked: boolean;
  /** Connections whose name another one has too (an older vault): each asks for a rename. */
  sameName: ReadonlySet<string>;
  /** Only the first connections, or not yet their results, are known: the rest is being read. */
  loading: boolean;
  /** How many connections there are, when only the first are known yet. */
  total?: number;
}

/**
 * The connections as a list of compact rows, searchable, sortable and filterable. Only the rows
 * in view are drawn (a vault can hold thousands); it stays a list of list items with their
 * position in the whole list, and the arrow keys move between rows.
 */
export function ConnectionList({ connections, results, stateOf, actions, showId, failingOnly, onFailingOnly, locked, sameName, loading, total }: ListProps) {
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<SortKey>('name');
  const [expandedId, setExpandedId] = useState<string>();
  const [extra, setExtra] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  // The first paint draws only what a popup can show: the margin is for scrolling, which has not begun.
  const [scrolled, setScrolled] = useState(false);
  const [viewport, setViewport] = useState(FIRST_VIEWPORT);
  const [focusIndex, setFocusIndex] = useState<number>();
  const box = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const now = Date.now();
  // The same functions at every render: the rows are memoised (ConnectionItem).
  const toggle = useCallback((id: string) => setExpandedId((open) => (open === id ? undefined : id)), []);
  const measured = useCallback((height: number) => setExtra(height - ROW_HEIGHT), []);

  const resultOf = useCallback((c: Connection): TestResult | undefined => results[c.id]?.last, [results]);
  const sortResults = sortReadsResults(sort) ? resultOf : undefined;
  const sorted = useMemo(() => sortConnections(connections, sort, resultOf), [connections, sort, sortResults]);
  const filter = useMemo(createListFilter, []);
  // The first keystroke should not have to build every connection's search text: build them while
  // idle, a slice at a time, so that a keystroke meanwhile is not kept waiting.
  useEffect(() => {
    let done = 0;
    const slice = (deadline: IdleDeadline) => {
      done = prepareSearch(sorted, done, () => deadline.timeRemaining() > 1);
      if (done < sorted.length) idle = requestIdleCallback(slice);
    };
    let idle = requestIdleCallback(slice);
    return () => cancelIdleCallback(idle);
  }, [sorted]);
  const shown = useMemo(() => filter(sorted, search, failingOnly, resultOf), [sorted, search, failingOnly, resultOf]);
  const expanded = expandedId === undefined ? -1 : shown.findIndex((c) => c.id === expandedId);
  const geometry = { rowHeight: ROW_HEIGHT, expanded, extra: expanded >= 0 ? extra : 0 };
  // Unfiltered and by name (the first screen's order), a list whose rest is still coming already
  // has its whole length: the rows say where they stand in it, and the scroll bar does not jump
  // when the rest arrives.
  const setSize = total !== undefined && sort === 'name' && shown === sorted ? total : shown.length;
  const drawn = listWindow({ ...geometry, count: shown.length, scrollTop, viewport, overscan: scrolled ? OVERSCAN : 0 });
  const padBottom = drawn.padBottom + (setSize - shown.length) * ROW_HEIGHT;

  // Told after each layout, before its paint: reading clientHeight here would force a layout of
  // its own while the popup renders for the first time, when the list is still empty. Never less
  // than a popup's height: with only the rows in view drawn, a jump to the end (End) lost the
  // focus in Chromium, whose box briefly scrolls back by a few rows as the rows are replaced.
  useEffect(() => {
    const observer = new ResizeObserver(([entry]) => setViewport(Math.max(Math.round(entry?.contentRect.height ?? 0), FIRST_VIEWPORT)));
    if (box.current) observer.observe(box.current);
    return () => observer.disconnect();
  }, []);

  /** Scrolls the box so that row `index` is wholly in view. */
  function scrollToRow(index: number) {
    const el = box.current;
    if (!el) return;
    const top = rowTop(index, geometry);
    const height = index === expanded ? ROW_HEIGHT + geometry.extra : ROW_HEIGHT;
    let next = el.scrollTop;
    if (top < next) next = top;
    else if (top + height > next + el.clientHeight) next = top + height - el.clientHeight;
    if (next !== el.scrollTop) {
      el.scrollTop = next;
      setScrollTop(el.scrollTop);
    }
  }

  const toggleAt = (index: number) => list.current?.querySelector<HTMLElement>(`li[data-index="${index}"] .row-toggle`);
  // A row scrolled into view is drawn at the next render; it takes the focus then.
  useEffect(() => {
    if (focusIndex === undefined) return;
    toggleAt(focusIndex)?.focus();
    setFocusIndex(undefined);
  }, [focusIndex]);

  useEffect(() => {
    if (showId === undefined) return;
    const index = shown.findIndex((c) => c.id === showId);
    if (index >= 0) scrollToRow(index);
  }, [showId, shown]);

  function onKeyDown(event: KeyboardEvent) {
    const row = (event.target as HTMLElement).closest<HTMLElement>('li[data-index]');
    if (!row || shown.length === 0) return;
    // Keys can come faster than renders: count from the row still waiting for the focus.
    const at = focusIndex ?? Number(row.dataset.index);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: shown.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const index = Math.min(Math.max(to, 0), shown.length - 1);
    scrollToRow(index);
    const drawnRow = toggleAt(index);
    if (drawnRow && focusIndex === undefined) drawnRow.focus();
    else setFocusIndex(index);
  }

  return (
    <>
      <div class="list-controls">
        <input
          type="search"
          class="filter"
          aria-label={i18n.t('filterLabel')}
          placeholder={i18n.t('searchPlaceholder')}
          value={search}
          onInput={(e) => setSearch(e.currentTarget.value)}
        />
        <label class="sort">
          <span class="visually-hidden">{i18n.t('sortLabel')}</span>
          <select value={sort} onChange={(e) => setSort(e.currentTarget.value as SortKey)}>
            {SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {sortText(key)}
              </option>
            ))}
          </select>
        </label>
        <label class="choice failing">
          <input type="checkbox" checked={failingOnly} onChange={(e) => onFailingOnly(e.currentTarget.checked)} />
          {i18n.t('failingOnly')}
        </label>
      </div>
      {!loading && connections.length > 0 && shown.length === 0 && <p class="muted">{i18n.t('noMatches')}</p>}
      <div
        class="list-box"
        ref={box}
        onScroll={(e) => {
          setScrollTop(e.currentTarget.scrollTop);
          setScrolled(true);
        }}
      >
        <ul
          class="list"
          ref={list}
          aria-label={i18n.t('connectionsLabel')}
          aria-busy={loading}
          style={{ paddingTop: `${drawn.padTop}px`, paddingBottom: `${padBottom}px` }}
          onKeyDown={onKeyDown}
        >
          {shown.slice(drawn.start, drawn.end).map((connection, i) => {
            const state = stateOf(connection);
            const open = connection.id === expandedId;
            return (
              <ConnectionItem
                // By connection, not position: focus, a running test's status and the row's live
                // region must stay with their connection when a search or a sort moves it.
                key={connection.id}
                connection={connection}
                {...state}
                actions={actions}
                locked={locked}
                sameName={sameName.has(connection.id)}
                index={drawn.start + i}
                total={setSize}
                onToggle={toggle}
                onMeasure={measured}
                when={state.results?.last && testedWhen(state.results.last.at, now)}
                {...(open ? { expanded: true, now } : { expanded: false })}
              />
            );
          })}
        </ul>
      </div>
    </>
  );
}
