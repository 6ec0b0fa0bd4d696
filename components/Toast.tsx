import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';

export interface ToastMessage {
  text: string;
  /** An Undo that lasts as long as the toast. */
  undo?: () => void;
}

/** How long an Undo stays on offer. */
export const TOAST_MS = 6_000;

export function Toast({ message, onDone }: { message: ToastMessage; onDone(): void }) {
  const undoButton = useRef<HTMLButtonElement>(null);
  const [undoFocused, setUndoFocused] = useState(false);
  // Undo takes the focus (the deleted item's buttons are gone) so keyboard users can reach it,
  // and the toast stays while it has focus: nobody should have to race a timer (WCAG 2.2.1).
  useEffect(() => undoButton.current?.focus(), [message]);
  useEffect(() => {
    if (undoFocused && message.undo) return;
    const timer = setTimeout(onDone, TOAST_MS);
    return () => clearTimeout(timer);
  }, [message, onDone, undoFocused]);
  return (
    <div class="toast" role="status">
      <span>{message.text}</span>
      {message.undo && (
        <button
          type="button"
          ref={undoButton}
          onFocus={() => setUndoFocused(true)}
          onBlur={() => setUndoFocused(false)}
          onClick={() => {
            message.undo?.();
            onDone();
          }}
        >
          {i18n.t('undo')}
        </button>
      )}
    </div>
  );
}
