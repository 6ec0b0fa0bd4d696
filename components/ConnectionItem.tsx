import { i18n } from '#i18n';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Connection, TestResult } from '@/lib/connections/schema';
import { environmentOf } from '@/lib/connections/environment';
import { TestResultView } from './TestResultView';
import { maskKey } from './mask-key';
import { categoryLabel, environmentText, keyReplacedText, sourceText } from './messages';
import { testedWhen } from './tested-when';

export interface ItemActions {
  /** The key in clear, from the background; undefined when it cannot be had (locked). */
  reveal(connection: Connection): Promise<string | undefined>;
  test(connection: Connection): void;
  copy(connection: Connection): void;
  edit(connection: Connection): void;
  remove(connection: Connection): void;
  swapKey(connection: Connection): void;
}

interface ItemProps {
  connection: Connection;
  result: TestResult | undefined;
  testing: boolean;
  actions: ItemActions;
  index: number;
  total: number;
  expanded: boolean;
  onToggle(): void;
  /** The expanded row reports how much taller than a row it is (the list's window needs it). */
  onMeasure?(height: number): void;
  now: number;
}

/**
 * One connection: a compact row (name, environment, the last verdict and when, Test connection)
 * whose details (URL, note, key, history, the other buttons) expand in place.
 */
export function ConnectionItem({ connection, result, testing, actions, index, total, expanded, onToggle, onMeasure, now }: ItemProps) {
  const item = useRef<HTMLLIElement>(null);
  useLayoutEffect(() => {
    if (expanded && item.current) onMeasure?.(item.current.offsetHeight);
  });
  const detailsId = `details-${connection.id}`;
  const environment = environmentOf(connection.url);
  return (
    <li ref={item} class={`row${expanded ? ' row-open' : ''}`} aria-label={connection.name} aria-posinset={index + 1} aria-setsize={total} data-index={index}>
      <div class="row-head">
        <div class="row-main">
          <div class="row-line">
            <button type="button" class="row-toggle" aria-expanded={expanded} aria-controls={detailsId} onClick={onToggle}>
              <span class="row-name">{connection.name}</span>
            </button>
            <span class={`env env-${environment.kind}`}>{environmentText(environment)}</span>
          </div>
          <div role="status" class="row-status">
            {testing ? (
              <span class="result-pending">{i18n.t('testing')}</span>
            ) : result ? (
              <span class={`result result-${result.category}`}>
                <span class="mark" aria-hidden="true" />
                <span class="result-label">{categoryLabel(result.category)}</span>
                <span class="result-when"> · {testedWhen(result.at, now)}</span>
              </span>
            ) : (
              <span class="result-none">{i18n.t('neverTested')}</span>
            )}
          </div>
        </div>
        <button type="button" class="primary row-test" disabled={testing} onClick={() => actions.test(connection)}>
          {i18n.t('testConnection')}
        </button>
      </div>
      {expanded && <ItemDetails id={detailsId} connection={connection} result={testing ? undefined : result} actions={actions} now={now} />}
    </li>
  );
}

function ItemDetails({ id, connection, result, actions, now }: { id: string; connection: Connection; result: TestResult | undefined; actions: ItemActions; now: number }) {
  const [revealed, setRevealed] = useState<string>();
  // A revealed key goes stale when the key changes (edit, rotation undo): hide it again.
  useEffect(() => setRevealed(undefined), [connection.updatedAt]);
  return (
    <div id={id} class="row-details">
      <p class="item-url">{connection.url}</p>
      <p class="item-meta">
        {i18n.t('addedOn', [new Date(connection.createdAt).toLocaleDateString(), sourceText(connection.source)])}
        {connection.note && <span class="item-note"> · {connection.note}</span>}
      </p>
      <div class="item-key">
        <code class="key">{revealed ?? maskKey(connection)}</code>
        <button
          type="button"
          class="small"
          aria-pressed={revealed !== undefined}
          aria-label={i18n.t('revealKey')}
          onClick={async () => setRevealed(revealed === undefined ? await actions.reveal(connection) : undefined)}
        >
          {i18n.t('reveal')}
        </button>
      </div>
      {connection.previousKey && connection.keyReplaced && <p class="item-meta">{keyReplacedText(connection.keyReplaced)}</p>}
      {result && <TestResultView result={result} now={now} />}
      <div class="actions">
        <button type="button" onClick={() => actions.copy(connection)}>
          {i18n.t('copyKey')}
        </button>
        <button type="button" onClick={() => actions.edit(connection)}>
          {i18n.t('edit')}
        </button>
        <button type="button" class="danger" onClick={() => actions.remove(connection)}>
          {i18n.t('delete')}
        </button>
        {connection.previousKey && (
          <button type="button" onClick={() => actions.swapKey(connection)}>
            {i18n.t('undoRotation')}
          </button>
        )}
      </div>
    </div>
  );
}
