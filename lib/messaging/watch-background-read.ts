import { browser } from 'wxt/browser';
import type { Outcome } from '../result';

/** Waits before asking a background that could not be reached (starting, or restarting) again. */
export const RETRY_MS = [200, 1_000, 3_000] as const;

/**
 * Follows a stored value through the background, which validates what it reads (pages read
 * stored data this way and leave zod out of their bundles): reads it now, and again whenever
 * storage reports a change that `concerns` it. An answer that arrives after a newer one, or
 * after the watch stopped, is dropped. A background that could not be reached is asked again
 * (RETRY_MS, then every 3 s); any other failure keeps what was shown.
 */
export function watchBackgroundRead<T>(
  read: () => Promise<Outcome<T>>,
  concerns: (keys: string[], area: string) => boolean,
  onValue: (value: T) => void,
): () => void {
  let latest = 0;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const readNow = (attempt = 0) => {
    clearTimeout(retry);
    const ticket = ++latest;
    void read().then((outcome) => {
      if (stopped || ticket !== latest) return;
      if (outcome.ok) return onValue(outcome.value);
      if (outcome.error.code === 'internal') retry = setTimeout(() => readNow(attempt + 1), RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]);
    });
  };
  const listener = (changes: Record<string, unknown>, area: string) => concerns(Object.keys(changes), area) && readNow();
  browser.storage.onChanged.addListener(listener);
  readNow();
  return () => {
    stopped = true;
    clearTimeout(retry);
    browser.storage.onChanged.removeListener(listener);
  };
}
