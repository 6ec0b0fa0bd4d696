/**
 * What the save prompt (an extension page framed into the portal) and the content script that
 * framed it say to each other, over an extension port (`tabs.connect` from the prompt to the
 * top frame's content script): nothing the page can read or forge. Nothing secret crosses here
 * either; the prompt gets its offer from the background.
 *
 * One thing is posted into the frame, never to the page: a random challenge the prompt sends
 * back over its port. It proves the port belongs to the document in the frame the content
 * script made, not to a copy of prompt.html that the page framed itself and controls.
 */
export const PROMPT_PORT = 'sr-admin-helper:prompt';
export const CHALLENGE_TAG = 'sr-admin-helper:challenge';

export type PromptToHost =
  | { type: 'proof'; challenge: string }
  /** A click or key in the prompt: is the frame still where it has been, whole and on top? */
  | { type: 'confirm'; id: number }
  | { type: 'close' }
  /** The user asked for the prompt in another corner. */
  | { type: 'move'; corner: string }
  /** Escape: give focus back to where it was in the page. */
  | { type: 'leave' };

export type HostToPrompt =
  /** An offer is waiting for this tab: ask the background for it. */
  | { type: 'offer' }
  /** The frame moved, changed size, style or stacking, or was covered: arm again from zero. */
  | { type: 'changed' }
  | { type: 'confirmed'; id: number; stableMs: number };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Messages arrive from our own extension only; this checks their shape, nothing more. */
export function readPromptMessage(value: unknown): PromptToHost | undefined {
  if (!isObject(value)) return undefined;
  switch (value.type) {
    case 'proof':
      return typeof value.challenge === 'string' ? { type: 'proof', challenge: value.challenge } : undefined;
    case 'confirm':
      return typeof value.id === 'number' ? { type: 'confirm', id: value.id } : undefined;
    case 'move':
      return typeof value.corner === 'string' ? { type: 'move', corner: value.corner } : undefined;
    case 'close':
    case 'leave':
      return { type: value.type };
    default:
      return undefined;
  }
}

export function readHostMessage(value: unknown): HostToPrompt | undefined {
  if (!isObject(value)) return undefined;
  if (value.type === 'offer' || value.type === 'changed') return { type: value.type };
  if (value.type === 'confirmed' && typeof value.id === 'number' && typeof value.stableMs === 'number') {
    return { type: 'confirmed', id: value.id, stableMs: value.stableMs };
  }
  return undefined;
}

/** The challenge as posted into the frame, and read back there from any message. */
export const challengeMessage = (challenge: string) => ({ tag: CHALLENGE_TAG, challenge });
export function readChallenge(data: unknown): string | undefined {
  return isObject(data) && data.tag === CHALLENGE_TAG && typeof data.challenge === 'string' ? data.challenge : undefined;
}
