import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import type { Connection } from '@/lib/connections/schema';
import { urlAllowed } from '@/lib/policy/hosts';
import { PolicyNote } from './PolicyNote';
import { TestResultView } from './TestResultView';
import { maskKey } from './mask-key';
import { keyReplacedText, sourceText } from './messages';

export interface ItemActions {
  /** The key in clear, from the background; undefined when it cannot be had (locked). */
  reveal(connection: Connection): Promise<string | undefined>;
  test(connection: Connection): void;
  copy(connection: Connection): void;
  edit(connection: Connection): void;
  remove(connection: Connection): void;
  swapKey(connection: Connection): void;
}

export function ConnectionItem({
  connection,
  testing,
  actions,
  allowedHosts,
}: {
  connection: Connection;
  testing: boolean;
  actions: ItemActions;
  /** The policy's allowedApiHosts: a connection outside them is kept and marked, and not tested. */
  allowedHosts?: readonly string[] | undefined;
}) {
  const forbidden = !urlAllowed(connection.url, allowedHosts);
  const forbiddenId = `forbidden-${connection.id}`;
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
          aria-label={i18n.t('revealKey')}
          onClick={async () => setRevealed(revealed === undefined ? await actions.reveal(connection) : undefined)}
        >
          {i18n.t('reveal')}
        </button>
      </div>
      {forbidden && (
        <p id={forbiddenId} class="warning">
          {i18n.t('hostNotAllowed')} <PolicyNote id={`${forbiddenId}-note`} />
        </p>
      )}
      {connection.previousKey && connection.keyReplaced && (
        <p class="item-meta">{keyReplacedText(connection.keyReplaced)}</p>
      )}
      <div role="status" class="item-status">
        {testing ? (
          <p class="result-pending">{i18n.t('testing')}</p>
        ) : connection.lastTest ? (
          <TestResultView result={connection.lastTest} />
        ) : (
          <p class="result-none">{i18n.t('neverTested')}</p>
        )}
      </div>
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={testing}
          aria-describedby={forbidden ? forbiddenId : undefined}
          onClick={() => actions.test(connection)}
        >
          {i18n.t('testConnection')}
        </button>
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
    </li>
  );
}
