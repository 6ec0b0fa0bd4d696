import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import type { HistoryEntry } from '@/lib/results/result-schema';
import { categoryLabel } from './messages';
import { dateTimeText } from './detail-messages';

/** A connection's last results, newest first, with date and time; shown on demand. */
export function TestHistory({ history }: { history: readonly HistoryEntry[] }) {
  const [open, setOpen] = useState(false);
  return (
    <div class="history">
      <button type="button" class="link" aria-expanded={open} onClick={() => setOpen(!open)}>
        {i18n.t('showHistory')}
      </button>
      {open && (
        <ol class="history-list" aria-label={i18n.t('historyTitle')}>
          {[...history].reverse().map((entry) => (
            <li key={`${entry.at}-${entry.category}`} class={`result-${entry.category}`}>
              <span class="result-label">{categoryLabel(entry.category)}</span>
              {' · '}
              {[
                dateTimeText(entry.at),
                entry.status ? i18n.t('httpStatus', [String(entry.status)]) : undefined,
                i18n.t('latency', [String(entry.latencyMs)]),
              ]
                .filter(Boolean)
                .join(' · ')}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
