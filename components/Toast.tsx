import { i18n } from '#i18n';
import { useEffect } from 'preact/hooks';

export interface ToastMessage {
  text: string;
  /** An Undo that lasts as long as the toast. */
  undo?: () => void;
}

/** How long an Undo stays on offer. */
export const TOAST_MS = 6_000;

export function Toast({ message, onDone }: { message: ToastMessage; onDone(): void }) {
  useEffect(() => {
    const timer = setTimeout(onDone, TOAST_MS);
    return () => clearTimeout(timer);
  }, [message, onDone]);
  return (
    <div class="toast" role="status">
      <span>{message.text}</span>
      {message.undo && (
        <button
          type="button"
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
