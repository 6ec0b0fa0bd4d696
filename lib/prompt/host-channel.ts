/**
 * What the save prompt (an extension page framed into the portal), or the fill picker (framed
 * into ServiceNow), and the content script that framed it say to each other: nothing the page can read or forge, and nothing secret (the
 * prompt gets its offer from the background).
 *
 * They talk through the background over extension ports (Firefox gives an extension page framed
 * into a web page neither `tabs.connect` nor content scripts' connections). The content script
 * posts one random challenge into the frame it made (never to the page: the target origin is
 * the extension's) and opens a port named after it; the prompt opens a port and says the
 * challenge. The background joins the two when they name the same challenge in the same tab.
 * A copy of prompt.html that the page frames itself (and can move, clip and fade at will) never
 * learns the challenge, so nothing it asks ever gets an answer.
 */
export const HOST_PORT_PREFIX = 'sr-admin-helper:prompt-host:';

/**
 * The extension pages a content script frames into a page we do not trust: the save prompt on
 * the portal, the fill picker on ServiceNow. Each follows the same rules and joins the same way.
 */
export const FRAMED_PAGES = ['/prompt.html', '/picker.html'] as const;
export type FramedPage = (typeof FRAMED_PAGES)[number];

/** The content script's port: it names the page it framed and the challenge it posted there. */
export const hostPortName = (page: FramedPage, challenge: string) => `${HOST_PORT_PREFIX}${page}:${challenge}`;
export function readHostPortName(name: string): { page: FramedPage; challenge: string } | undefined {
  if (!name.startsWith(HOST_PORT_PREFIX)) return undefined;
  const rest = name.slice(HOST_PORT_PREFIX.length);
  const page = FRAMED_PAGES.find((p) => rest.startsWith(`${p}:`));
  return page && { page, challenge: rest.slice(page.length + 1) };
}
export const PROMPT_PORT = 'sr-admin-helper:prompt';
export const CHALLENGE_TAG = 'sr-admin-helper:challenge';

/** The prompt's first message on its port: which content script's frame it is in. */
export type PromptHello = { type: 'hello'; challenge: string };

export function readHello(value: unknown): PromptHello | undefined {
  return isObject(value) && value.type === 'hello' && typeof value.challenge === 'string'
    ? { type: 'hello', challenge: value.challenge }
    : undefined;
}

export type PromptToHost =
  /** A click or key in the prompt: is the frame still where it has been, whole and on top? */
  | { type: 'confirm'; id: number }
  | { type: 'close' }
  /** The user asked for the prompt in another corner. */
  | { type: 'move'; corner: string }
  /** Escape: give focus back to where it was in the page. */
  | { type: 'leave' };

export type HostToPrompt =
  /** From the background: the prompt's port is joined to the content script that framed it. */
  | { type: 'joined' }
  /** An offer (the prompt) or a fill request (the picker) is waiting for this tab: ask the background for it. */
  | { type: 'offer' }
  /** The frame moved, changed size, style or stacking, or was covered: arm again from zero. */
  | { type: 'changed' }
  | { type: 'confirmed'; id: number; stableMs: number };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Messages arrive from our own extension only; this checks their shape, nothing more. */
export function readPromptMessage(value: unknown): PromptToHost | undefined {
  if (!isObject(value)) return undefined;
  switch (value.type) {
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
  if (value.type === 'offer' || value.type === 'changed' || value.type === 'joined') return { type: value.type };
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
