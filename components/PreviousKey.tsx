import { i18n } from '#i18n';
import type { Connection } from '@/lib/connections/schema';
import { keyReplacedText } from './detail-messages';

/** A key kept for Undo after a rotation: when it was replaced, Undo, and "Forget previous key". */
export function PreviousKey({
  connection,
  locked,
  onUndo,
  onForget,
}: {
  connection: Connection;
  locked: boolean;
  onUndo(): void;
  onForget(): void;
}) {
  if (!connection.previousKey) return null;
  return (
    <div class="previous-key">
      {connection.keyReplaced && <p class="item-meta">{keyReplacedText(connection.keyReplaced)}</p>}
      {connection.previousUrl && connection.previousUrl !== connection.url && (
        <p class="item-meta">{i18n.t('previousUrl', [connection.previousUrl])}</p>
      )}
      <div class="actions">
        <button type="button" disabled={locked} onClick={onUndo}>
          {i18n.t('undoRotation')}
        </button>
        <button type="button" onClick={onForget}>
          {i18n.t('forgetPreviousKey')}
        </button>
      </div>
    </div>
  );
}
