/**
 * What the prompt (an extension page framed into the portal) tells the content script that
 * framed it. Nothing secret crosses here: only "close" and the height the prompt needs.
 */
export type PromptSignal = { type: 'close' } | { type: 'resize'; height: number };

const TAG = 'sr-admin-helper:prompt';

export function toPromptMessage(signal: PromptSignal) {
  return { tag: TAG, signal };
}

export function fromPromptMessage(data: unknown): PromptSignal | undefined {
  if (typeof data !== 'object' || data === null || (data as { tag?: unknown }).tag !== TAG) return undefined;
  const signal = (data as { signal?: unknown }).signal as { type?: unknown; height?: unknown } | undefined;
  if (signal?.type === 'close') return { type: 'close' };
  if (signal?.type === 'resize' && typeof signal.height === 'number' && signal.height > 0 && signal.height < 2_000) {
    return { type: 'resize', height: Math.ceil(signal.height) };
  }
  return undefined;
}
