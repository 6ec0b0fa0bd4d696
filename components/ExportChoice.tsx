import { i18n } from '#i18n';
import { useMemo, useState } from 'preact/hooks';
import type { Connection } from '@/lib/connections/schema';
import { filterConnections, sortConnections } from '@/lib/list/list-query';

/** The most tick boxes drawn at once: a vault of thousands is found by its search box instead. */
export const EXPORT_SHOWN_MAX = 50;

export interface ExportSelection {
  /** Everything, or only the ticked connections. */
  all: boolean;
  ticked: ReadonlySet<string>;
}

const noResult = () => undefined;

/**
 * Which connections an export takes: all of them (the default, which draws nothing per
 * connection), or only those the user ticks, found by a search over name, URL and note. Only the
 * first EXPORT_SHOWN_MAX matches are drawn: a box per connection made the manager lay out
 * thousands of them again on every change of the vault, a quarter of a second each at 5,000,
 * which every other extension page (the popup too) waited behind.
 */
export function ExportChoice({
  connections,
  selection,
  tickedCount,
  onChange,
}: {
  connections: readonly Connection[];
  selection: ExportSelection;
  /** How many ticked connections still exist. */
  tickedCount: number;
  onChange(selection: ExportSelection): void;
}) {
  const [search, setSearch] = useState('');
  const byName = useMemo(() => (selection.all ? [] : sortConnections(connections, 'name', noResult)), [connections, selection.all]);
  const matching = filterConnections(byName, search, false, noResult);
  const shown = matching.slice(0, EXPORT_SHOWN_MAX);

  function tick(id: string, on: boolean) {
    const ticked = new Set(selection.ticked);
    if (on) ticked.add(id);
    else ticked.delete(id);
    onChange({ ...selection, ticked });
  }

  return (
    <fieldset class="export-choice">
      <legend>{i18n.t('exportWhich')}</legend>
      <label class="choice">
        <input type="radio" name="export-which" checked={selection.all} onChange={() => onChange({ ...selection, all: true })} />{' '}
        {i18n.t('exportAll', connections.length, [String(connections.length)])}
      </label>
      <label class="choice">
        <input type="radio" name="export-which" checked={!selection.all} onChange={() => onChange({ ...selection, all: false })} />{' '}
        {i18n.t('exportTickedOnly')}
      </label>
      {!selection.all && (
        <>
          <input type="search" value={search} aria-label={i18n.t('exportSearch')} onInput={(e) => setSearch(e.currentTarget.value)} />
          <div class="export-list">
            {shown.map((c) => (
              <label key={c.id} class="choice">
                <input type="checkbox" checked={selection.ticked.has(c.id)} onChange={(e) => tick(c.id, e.currentTarget.checked)} /> {c.name}
              </label>
            ))}
          </div>
          <p class="muted" aria-live="polite">
            {i18n.t('exportTickedCount', tickedCount, [String(tickedCount)])}
            {matching.length > shown.length &&
              ` · ${i18n.t('exportMoreMatch', matching.length - shown.length, [String(matching.length - shown.length)])}`}
          </p>
        </>
      )}
    </fieldset>
  );
}
