import { sha256Hex } from './clipboard-watch';

export interface ClipboardText {
  read(): Promise<string>;
  write(text: string): Promise<void>;
}

/** Empties the clipboard only if it still holds the copied key: whatever the user copied since stays. */
export async function clearIfHolds(clipboard: ClipboardText, hash: string): Promise<boolean> {
  const text = await clipboard.read();
  if (!text || (await sha256Hex(text)) !== hash) return false;
  await clipboard.write('');
  return true;
}

/** Firefox: the background page reads and writes the clipboard itself (clipboardRead, clipboardWrite). */
export const navigatorClipboard: ClipboardText = {
  read: () => navigator.clipboard.readText(),
  write: (text) => navigator.clipboard.writeText(text),
};

/**
 * Chromium's offscreen document has no focus, so the async Clipboard API refuses it; the
 * extension's clipboardRead and clipboardWrite permissions let `execCommand` paste and copy there.
 */
export const commandClipboard: ClipboardText = {
  async read() {
    const area = document.createElement('textarea');
    document.body.append(area);
    area.focus();
    document.execCommand('paste');
    const text = area.value;
    area.remove();
    return text;
  },
  async write(text) {
    const onCopy = (event: ClipboardEvent) => {
      event.clipboardData?.setData('text/plain', text);
      event.preventDefault();
    };
    document.addEventListener('copy', onCopy);
    try {
      document.execCommand('copy');
    } finally {
      document.removeEventListener('copy', onCopy);
    }
  },
};
