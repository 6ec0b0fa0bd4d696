import { i18n } from '#i18n';
import { Component } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Connection } from '@/lib/connections/schema';
import type { ConnectionResults } from '@/lib/results/result-schema';
import { PolicyNote } from './PolicyNote';
import { lazy } from './lazy';
import { categoryLabel, environmentText } from './messages';
import { useNow } from './use-test-run';

/** What a row shows when expanded: its code loads when the first row opens. */
const ConnectionDetails = lazy(() => import('./ConnectionDetails').then((m) => m.ConnectionDetails));

/** After this long a test shows "Still waiting…" and Cancel: slow is not broken. */
export const STILL_WAITING_MS = 10_000;

/** What a row needs from the app; what only the details' buttons do is in ConnectionDetails. */
export interface ItemActions {
  test(connection: Connection): void;
  edit(connection: Connection): void;
  /** Shows a message in the app's toast, with Undo when given. */
  say(text: string, undo?: () => void): void;
  cancelTest(connection: Connection): void;
  /** Asks for the connection's host (custom URLs are optional permissions). */
  grantAccess(connection: Connection): void;
}

export interface ItemState {
  /** Undefined until the stored results are read: the row then says nothing rather than "Never tested". */
  results?: ConnectionResults;
  /** When its own test started; undefined when none runs. */
  testingSince?: number;
  /** Test all has not replaced this result yet: shown dimmed until it does. */
  stale: boolean;
  /** The browser does not allow calls to its host yet. */
  needsAccess: boolean;
  /** The policy's allowedApiHosts leave its host out: kept and marked, and not tested. */
  forbidden: boolean;
}

function TestingStatus({ since, onCancel }: { since: number; onCancel(): void }) {
  const now = useNow(true);
  const waiting = now - since >= STILL_WAITING_MS;
  return (
    <span class="result-pending">
      {waiting ? i18n.t('stillWaiting') : i18n.t('testing')}
      {waiting && (
        <>
          {' '}
          <button type="button" class="small" onClick={onCancel}>
            {i18n.t('cancelTest')}
          </button>
        </>
      )}
    </span>
  );
}

interface RowProps extends ItemState {
  connection: Connection;
  actions: ItemActions;
  index: number;
  total: number;
  onToggle(id: string): void;
  /** The expanded row reports how much taller than a row it is (the list's window needs it). */
  onMeasure?(height: number): void;
  /** When the last test ran, as the status line says it ("5 min ago"). */
  when?: string;
  /** The vault is locked: actions that need the key are disabled until it is unlocked. */
  locked?: boolean;
  /** Another connection has the same name under today's rule (an older vault): ask for a rename. */
  sameName?: boolean;
}

/**
 * Only an expanded row is given the time, for its details: a collapsed one is not drawn again
 * each time the clock moves.
 */
type ItemProps = RowProps & ({ expanded: true; now: number } | { expanded?: false; now?: undefined });

/**
 * One connection: a compact row (name, environment, the last verdict and when, Test connection)
 * whose details (URL, note, key, history, the other buttons) expand in place. Drawn again only
 * when a prop changes: the list renders all its rows on every answer the page gets while it
 * starts (lock, policy, results, host checks) and on every step of Test all.
 */
export class ConnectionItem extends Component<ItemProps> {
  override shouldComponentUpdate(next: ItemProps): boolean {
    const last = this.props;
    for (const key in next) if (next[key as keyof ItemProps] !== last[key as keyof ItemProps]) return true;
    for (const key in last) if (!(key in next)) return true;
    return false;
  }
  override render(props: ItemProps) {
    return <Row {...props} />;
  }
}

function Row(props: ItemProps) {
  const { connection, results, testingSince, stale, needsAccess, forbidden, actions, index, total, expanded = false, onToggle, onMeasure, when, locked = false, sameName = false } = props;
  const forbiddenId = `forbidden-${connection.id}`;
  const testing = testingSince !== undefined;
  const result = results?.last;
  const item = useRef<HTMLLIElement>(null);
  const measure = () => item.current && onMeasure?.(item.current.offsetHeight);
  useLayoutEffect(() => {
    if (expanded) measure();
  });
  const detailsId = `details-${connection.id}`;
  // A collapsed row is one line of status under its name: what stands in the way of a test follows
  // the verdict on that line (cut short), and the whole sentence with its button shows when the
  // row is expanded.
  const host = needsAccess && !forbidden ? new URL(connection.url).host : undefined;
  const warning = forbidden
    ? i18n.t('hostNotAllowed')
    : host !== undefined
      ? i18n.t('hostPending', [host])
      : sameName
        ? i18n.t('sameNameWarning')
        : undefined;
  return (
    <li ref={item} class={`row${expanded ? ' row-open' : ''}`} aria-label={connection.name} aria-posinset={index + 1} aria-setsize={total} data-index={index}>
      <div class="row-head">
        <div class="row-main">
          <div class="row-line">
            <button type="button" class="row-toggle" aria-expanded={expanded} aria-controls={detailsId} onClick={() => onToggle(connection.id)}>
              <span class="row-name">{connection.name}</span>
            </button>
            <span class="env">{environmentText(connection.url)}</span>
          </div>
          <div role="status" class={stale ? 'row-status stale' : 'row-status'}>
            {testing ? (
              <TestingStatus since={testingSince} onCancel={() => actions.cancelTest(connection)} />
            ) : result ? (
              <span class={`result result-${result.category}`}>
                <span class="mark" aria-hidden="true" />
                <span class="result-label">{categoryLabel(result.category)}</span>
                <span class="result-when"> · {when}</span>
              </span>
            ) : results ? (
              <span class="result-none">{i18n.t('neverTested')}</span>
            ) : null}
            {!testing && warning && !expanded && (
              <>
                {results && ' · '}
                <span id={forbidden ? forbiddenId : undefined} class="warning">
                  {warning}
                </span>
              </>
            )}
          </div>
        </div>
        <button
          type="button"
          class="primary row-test"
          disabled={testing || locked}
          aria-describedby={forbidden ? forbiddenId : undefined}
          onClick={() => actions.test(connection)}
        >
          {i18n.t('testConnection')}
        </button>
      </div>
      {expanded && sameName && <p class="warning">{i18n.t('sameNameWarning')}</p>}
      {expanded && forbidden && (
        <p id={forbiddenId} class="warning">
          {i18n.t('hostNotAllowed')} <PolicyNote id={`${forbiddenId}-note`} />
        </p>
      )}
      {expanded && host !== undefined && (
        <p class="item-meta warning">
          {i18n.t('hostPending', [host])}{' '}
          <button type="button" class="small" onClick={() => actions.grantAccess(connection)}>
            {i18n.t('grantAccess')}
          </button>
        </p>
      )}
      {props.expanded && (
        <ConnectionDetails
          id={detailsId}
          onShown={measure}
          connection={connection}
          results={testing ? undefined : results}
          stale={stale}
          actions={actions}
          now={props.now}
          locked={locked}
        />
      )}
    </li>
  );
}
