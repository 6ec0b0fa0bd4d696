import { browser } from 'wxt/browser';
import type { ParsedPolicy } from './policy-schema';
import { readPolicy } from './read-policy';

/**
 * The administrator's policy for our pages: now, then again whenever Chrome applies a change
 * (Firefox reads policies at start only, so there it does not change while running).
 */
export function watchPolicy(onPolicy: (parsed: ParsedPolicy) => void): () => void {
  let latest = 0;
  const read = () => {
    const ticket = ++latest;
    void readPolicy(browser.storage.managed).then((parsed) => ticket === latest && onPolicy(parsed));
  };
  const listener = (_changes: unknown, area: string) => area === 'managed' && read();
  browser.storage.onChanged.addListener(listener);
  read();
  return () => browser.storage.onChanged.removeListener(listener);
}
