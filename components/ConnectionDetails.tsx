import { i18n } from '#i18n';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { Connection } from '@/lib/connections/schema';
import { call } from '@/lib/messaging/call';
import type { ConnectionResults } from '@/lib/results/result-schema';
import type { ItemActions } from './ConnectionItem';
import { PreviousKey } from './PreviousKey';
import { TestHistory } from './TestHistory';
import { TestResultView } from './TestResultView';
import { maskKey } from './mask-key';
import { failureText } from './messages';
import { sourceText, usedInText } from './detail-messages';

/** The details' own buttons: each asks the background, and says how it went in the app's toast. */
function detailActions(connection: Connection, say: ItemActions['say']) {
  const { id } = connection;
  async function reveal(): Promise<string | undefined> {
    const outcome = await call('revealKey', { id });
    if (outcome.ok) return outcome.value.key;
    say(failureText(outcome.error.code));
    return undefined;
  }
  return {
    reveal,
    async copy() {
      const key = await reveal();
      if (key === undefined) return;
      try {
        await navigator.clipboard.writeText(key);
        say(i18n.t('copied'));
        // The background clears it from the clipboard later, also once this page has closed.
        void call('keyCopied', { id });
      } catch {
        say(i18n.t('copyFailed'));
      }
    },
    async remove() {
      const outcome = await call('removeConnection', { id });
      if (!outcome.ok) return say(failureText(outcome.error.code));
      const { connection: removed, index } = outcome.value;
      say(i18n.t('deleted', [removed.name]), () => {
        void call('restoreConnection', { connection: removed, index }).then((restored) => restored.ok || say(failureText(restored.error.code)));
      });
    },
    async swapKey() {
      const outcome = await call('swapPreviousKey', { id });
      say(outcome.ok ? i18n.t('keyRestored', [connection.name]) : failureText(outcome.error.code));
    },
    async forgetPreviousKey() {
      const outcome = await call('forgetPreviousKey', { id });
      say(outcome.ok ? i18n.t('previousKeyForgotten', [connection.name]) : failureText(outcome.error.code));
    },
  };
}

interface DetailsProps {
  id: string;
  connection: Connection;
  results: ConnectionResults | undefined;
  stale: boolean;
  actions: ItemActions;
  now: number;
  locked: boolean;
  /** Drawn or redrawn: the row measures itself again (the list's window needs its height). */
  onShown(): void;
}

/** A row's expanded part: URL, note, key, where it was used, the last result and history, and the other buttons. */
export function ConnectionDetails({ id, connection, results, stale, actions, now, locked, onShown }: DetailsProps) {
  const [revealed, setRevealed] = useState<string>();
  // A revealed key goes stale when the key changes (edit, rotation undo): hide it again.
  useEffect(() => setRevealed(undefined), [connection.updatedAt]);
  useLayoutEffect(() => onShown());
  const own = detailActions(connection, actions.say);
  const usedIn = connection.usedIn ?? [];
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
          disabled={locked}
          aria-label={i18n.t('revealKey')}
          onClick={async () => setRevealed(revealed === undefined ? await own.reveal() : undefined)}
        >
          {i18n.t('reveal')}
        </button>
      </div>
      {usedIn.length > 0 && <p class="item-meta">{i18n.t('usedIn', [usedInText(usedIn)])}</p>}
      <PreviousKey
        connection={connection}
        locked={locked}
        onUndo={() => own.swapKey()}
        onForget={() => own.forgetPreviousKey()}
      />
      {connection.previousKey && usedIn.length > 0 && (
        <p class="item-meta warning">{i18n.t('usedInUpdateThere', [usedIn.map((use) => use.host).join(', ')])}</p>
      )}
      {results?.last && (
        <div class={stale ? 'item-status stale' : 'item-status'}>
          {stale && <p class="result-pending">{i18n.t('staleResult')}</p>}
          <TestResultView result={results.last} purpose={connection.purpose} url={connection.url} now={now} />
        </div>
      )}
      {results && results.history.length > 0 && <TestHistory history={results.history} />}
      <div class="actions">
        <button type="button" disabled={locked} onClick={() => own.copy()}>
          {i18n.t('copyKey')}
        </button>
        <button type="button" onClick={() => actions.edit(connection)}>
          {i18n.t('edit')}
        </button>
        <button type="button" class="danger" onClick={() => own.remove()}>
          {i18n.t('delete')}
        </button>
      </div>
    </div>
  );
}
