import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import type { Connection } from '@/lib/connections/schema';
import type { ConnectionResults } from '@/lib/results/result-schema';
import { TestHistory } from './TestHistory';
import { TestResultView } from './TestResultView';
import { maskKey } from './mask-key';
import { PreviousKey } from './PreviousKey';
import { sourceText, usedInText } from './messages';
import { useNow } from './use-test-run';

/** After this long a test shows "Still waiting…" and Cancel: slow is not broken. */
export const STILL_WAITING_MS = 10_000;

export interface ItemActions {
  /** The key in clear, from the background; undefined when it cannot be had (locked). */
  reveal(connection: Connection): Promise<string | undefined>;
  test(connection: Connection): void;
  copy(connection: Connection): void;
  edit(connection: Connection): void;
  remove(connection: Connection): void;
  swapKey(connection: Connection): void;
  forgetPreviousKey(connection: Connection): void;
  cancelTest(connection: Connection): void;
  /** Asks for the connection's host (custom URLs are optional permissions). */
  grantAccess(connection: Connection): void;
}

export interface ItemState {
  results?: ConnectionResults;
  /** When its own test started; undefined when none runs. */
  testingSince?: number;
  /** Test all has not replaced this result yet: shown dimmed until it does. */
  stale: boolean;
  /** The browser does not allow calls to its host yet. */
  needsAccess: boolean;
}

function TestingStatus({ since, onCancel }: { since: number; onCancel(): void }) {
  const now = useNow(true);
  const waiting = now - since >= STILL_WAITING_MS;
  return (
    <p class="result-pending">
      {waiting ? i18n.t('stillWaiting') : i18n.t('testing')}
      {waiting && (
        <>
          {' '}
          <button type="button" class="small" onClick={onCancel}>
            {i18n.t('cancelTest')}
          </button>
        </>
      )}
    </p>
  );
}

export function ConnectionItem({
  connection,
  state,
  actions,
  locked = false,
  sameName = false,
}: {
  connection: Connection;
  state: ItemState;
  actions: ItemActions;
  /** The vault is locked: actions that need the key are disabled until it is unlocked. */
  locked?: boolean;
  /** Another connection has the same name under today's rule (an older vault): ask for a rename. */
  sameName?: boolean;
}) {
  const { results, testingSince, stale, needsAccess } = state;
  const testing = testingSince !== undefined;
  const last = results?.last;
  const [revealed, setRevealed] = useState<string>();
  // A revealed key goes stale when the key changes (edit, rotation undo): hide it again.
  useEffect(() => setRevealed(undefined), [connection.updatedAt]);
  const added = new Date(connection.createdAt);
  return (
    <li class="item" aria-label={connection.name}>
      <div class="item-head">
        <h2 class="item-name">{connection.name}</h2>
        <span class="item-url">{connection.url}</span>
      </div>
      {sameName && <p class="warning">{i18n.t('sameNameWarning')}</p>}
      <p class="item-meta">
        {i18n.t('addedOn', [added.toLocaleDateString(), sourceText(connection.source)])}
        {connection.note && <span class="item-note"> · {connection.note}</span>}
      </p>
      <div class="item-key">
        <code class="key">{revealed ?? maskKey(connection)}</code>
        <button
          type="button"
          class="small"
          aria-pressed={revealed !== undefined}
          disabled={locked}
          aria-label={i18n.t('revealKey')}
          onClick={async () => setRevealed(revealed === undefined ? await actions.reveal(connection) : undefined)}
        >
          {i18n.t('reveal')}
        </button>
      </div>
      {connection.usedIn && connection.usedIn.length > 0 && (
        <p class="item-meta">{i18n.t('usedIn', [usedInText(connection.usedIn)])}</p>
      )}
      <PreviousKey
        connection={connection}
        locked={locked}
        onUndo={() => actions.swapKey(connection)}
        onForget={() => actions.forgetPreviousKey(connection)}
      />
      {connection.previousKey && connection.usedIn && connection.usedIn.length > 0 && (
        <p class="item-meta warning">{i18n.t('usedInUpdateThere', [connection.usedIn.map((use) => use.host).join(', ')])}</p>
      )}
      {needsAccess && (
        <p class="item-meta warning">
          {i18n.t('hostPending', [new URL(connection.url).host])}{' '}
          <button type="button" class="small" onClick={() => actions.grantAccess(connection)}>
            {i18n.t('grantAccess')}
          </button>
        </p>
      )}
      <div role="status" class={stale ? 'item-status stale' : 'item-status'}>
        {testing ? (
          <TestingStatus since={testingSince} onCancel={() => actions.cancelTest(connection)} />
        ) : last ? (
          <>
            {stale && <p class="result-pending">{i18n.t('staleResult')}</p>}
            <TestResultView result={last} purpose={connection.purpose} url={connection.url} />
          </>
        ) : (
          <p class="result-none">{i18n.t('neverTested')}</p>
        )}
      </div>
      {results && results.history.length > 0 && <TestHistory history={results.history} />}
      <div class="actions">
        <button type="button" class="primary" disabled={testing || locked} onClick={() => actions.test(connection)}>
          {i18n.t('testConnection')}
        </button>
        <button type="button" disabled={locked} onClick={() => actions.copy(connection)}>
          {i18n.t('copyKey')}
        </button>
        <button type="button" onClick={() => actions.edit(connection)}>
          {i18n.t('edit')}
        </button>
        <button type="button" class="danger" onClick={() => actions.remove(connection)}>
          {i18n.t('delete')}
        </button>
      </div>
    </li>
  );
}
