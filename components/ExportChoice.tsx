import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import type { Connection } from '@/lib/connections/schema';
import { firstByName } from '@/lib/list/first-by-name';
import { filterConnections } from '@/lib/list/list-query';

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
  // The first matches by name, without sorting thousands on every change of the vault.
  const matching = selection.all ? [] : filterConnections(connections, search, false, noResult);
  const shown = firstByName(matching, EXPORT_SHOWN_MAX);

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
          <input
            type="search"
            value={search}
            aria-label={i18n.t('exportSearch')}
            placeholder={i18n.t('exportSearchPlaceholder')}
            onInput={(e) => setSearch(e.currentTarget.value)}
            // Enter finds; it does not send the form (and download a file) from the search box.
            onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
          />
          {matching.length === 0 && <p class="muted">{i18n.t('noMatches')}</p>}
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
