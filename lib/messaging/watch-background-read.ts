import { browser } from 'wxt/browser';
import type { Outcome } from '../result';

/**
 * Follows a stored value through the background, which validates what it reads (pages read
 * stored data this way and leave zod out of their bundles): reads it now, and again whenever
 * storage reports a change that `concerns` it. An answer that arrives after a newer one is
 * dropped; a failed read keeps what was shown.
 */
export function watchBackgroundRead<T>(
  read: () => Promise<Outcome<T>>,
  concerns: (keys: string[], area: string) => boolean,
  onValue: (value: T) => void,
): () => void {
  let latest = 0;
  const readNow = () => {
    const ticket = ++latest;
    void read().then((outcome) => outcome.ok && ticket === latest && onValue(outcome.value));
  };
  const listener = (changes: Record<string, unknown>, area: string) => concerns(Object.keys(changes), area) && readNow();
  browser.storage.onChanged.addListener(listener);
  readNow();
  return () => browser.storage.onChanged.removeListener(listener);
}
