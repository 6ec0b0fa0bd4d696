import { type Box, CORNERS, type Corner } from './placement';

/** The keyboard command that moves focus to the save prompt (see wxt.config.ts). */
export const FOCUS_PROMPT_COMMAND = 'focus-save-prompt';

/** What the background tells the portal's top-frame content script. */
export type ToContentScript =
  /** A key was captured in a subframe: show the prompt over the whole page. */
  | { type: 'show-prompt'; avoid: Box | null; corner: Corner }
  /** The user pressed the shortcut: move focus into the prompt. */
  | { type: 'focus-prompt' };

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function readBox(value: unknown): Box | null {
  if (typeof value !== 'object' || value === null) return null;
  const { left, top, width, height } = value as Record<string, unknown>;
  return isNumber(left) && isNumber(top) && isNumber(width) && isNumber(height) ? { left, top, width, height } : null;
}

/** Only our background can send these; the check is of shape, so that a bug cannot throw in the page. */
export function readContentMessage(value: unknown): ToContentScript | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  if (message.type === 'focus-prompt') return { type: 'focus-prompt' };
  const corner = CORNERS.find((c) => c === message.corner);
  if (message.type === 'show-prompt' && corner) return { type: 'show-prompt', avoid: readBox(message.avoid), corner };
  return undefined;
}
