import { browser } from 'wxt/browser';

/**
 * Read-only view of one storage.local key for our pages: the value now, then again on every
 * change. Pages never write storage; they ask the background, the single writer.
 */
export function watchLocalKey(key: string, onValue: (raw: unknown) => void): () => void {
  let changed = false;
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(key in changes)) return;
    changed = true;
    onValue(changes[key]?.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  // A change that lands before the first read answers is newer than what that read returns.
  void browser.storage.local.get(key).then((items) => changed || onValue(items[key]));
  return () => browser.storage.onChanged.removeListener(listener);
}
