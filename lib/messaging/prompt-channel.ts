/**
 * The postMessage traffic between the prompt (an extension page framed into the portal) and the
 * content script that framed it. Nothing secret crosses here: the prompt says "close" and the
 * height it needs; the content script says only "an offer is waiting", and the prompt then asks
 * the background for its tab's offer. A page that forges either gains nothing.
 */
export type PromptSignal = { type: 'close' } | { type: 'resize'; height: number };
export type HostSignal = { type: 'offer' };

const TAG = 'sr-admin-helper:prompt';

export function toChannelMessage(signal: PromptSignal | HostSignal) {
  return { tag: TAG, signal };
}

function signalOf(data: unknown): { type?: unknown; height?: unknown } | undefined {
  if (typeof data !== 'object' || data === null || (data as { tag?: unknown }).tag !== TAG) return undefined;
  return (data as { signal?: { type?: unknown; height?: unknown } }).signal;
}

export function fromPromptMessage(data: unknown): PromptSignal | undefined {
  const signal = signalOf(data);
  if (signal?.type === 'close') return { type: 'close' };
  if (signal?.type === 'resize' && typeof signal.height === 'number' && signal.height > 0 && signal.height < 2_000) {
    return { type: 'resize', height: Math.ceil(signal.height) };
  }
  return undefined;
}

export function fromHostMessage(data: unknown): HostSignal | undefined {
  return signalOf(data)?.type === 'offer' ? { type: 'offer' } : undefined;
}
