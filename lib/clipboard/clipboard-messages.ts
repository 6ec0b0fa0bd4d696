/** What the background asks of the offscreen document (Chromium), and the one check of its shape. */
export interface ClearClipboardRequest {
  target: 'offscreen';
  type: 'clear-clipboard-if';
  hash: string;
}

export function readClearRequest(value: unknown): ClearClipboardRequest | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { target, type, hash } = value as Record<string, unknown>;
  return target === 'offscreen' && type === 'clear-clipboard-if' && typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash)
    ? { target, type, hash }
    : undefined;
}
