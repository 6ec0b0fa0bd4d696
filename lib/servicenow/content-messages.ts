/** What the background tells the ServiceNow content script. */
export type ToServiceNowScript =
  /** To the top frame: show the picker for this tab's fill request. */
  | { type: 'show-picker' }
  /** To the top frame: the request is answered or gone. */
  | { type: 'hide-picker' }
  /**
   * To the frame that showed the form, after the user chose a connection and confirmed the
   * instance: the values to type. `host` is the instance the user confirmed; a frame that is no
   * longer on it types nothing.
   */
  | { type: 'fill'; host: string; name: string; url: string; key: string };

/** What the content script answers a fill with. */
export type FillAnswer = { filled: boolean };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Only our background sends these; the check is of shape, so that a bug cannot throw in the page. */
export function readServiceNowMessage(value: unknown): ToServiceNowScript | undefined {
  if (!isObject(value)) return undefined;
  if (value.type === 'show-picker' || value.type === 'hide-picker') return { type: value.type };
  const { host, name, url, key } = value;
  if (value.type === 'fill' && typeof host === 'string' && typeof name === 'string' && typeof url === 'string' && typeof key === 'string') {
    return { type: 'fill', host, name, url, key };
  }
  return undefined;
}
