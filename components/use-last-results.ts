import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type ConnectionResults, RESULT_KEY_PREFIX, parseResults, resultKey } from '@/lib/results/result-schema';

/**
 * The stored test results of these connections (last result and history), kept current. The one
 * way pages read results: each connection's entry is its own storage key, validated on read, so
 * one bad entry costs its own result only.
 */
export function useLastResults(ids: readonly string[]): Record<string, ConnectionResults> {
  const [results, setResults] = useState<Record<string, ConnectionResults>>({});
  const idsKey = ids.join('\n');
  useEffect(() => {
    let changed = new Set<string>();
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      const updates = Object.entries(changes).filter(([key]) => key.startsWith(RESULT_KEY_PREFIX));
      if (!updates.length) return;
      const next: Record<string, ConnectionResults> = {};
      for (const [key, change] of updates) {
        const id = key.slice(RESULT_KEY_PREFIX.length);
        changed.add(id);
        next[id] = parseResults(change.newValue);
      }
      setResults((current) => ({ ...current, ...next }));
    };
    browser.storage.onChanged.addListener(listener);
    const wanted = idsKey ? idsKey.split('\n') : [];
    if (wanted.length) {
      void browser.storage.local.get(wanted.map(resultKey)).then((stored) => {
        // A change that landed before this read answered is newer than what it returns.
        const read = Object.fromEntries(wanted.filter((id) => !changed.has(id)).map((id) => [id, parseResults(stored[resultKey(id)])]));
        setResults((current) => ({ ...read, ...Object.fromEntries(Object.entries(current).filter(([id]) => changed.has(id))) }));
      });
    }
    return () => {
      changed = new Set();
      browser.storage.onChanged.removeListener(listener);
    };
  }, [idsKey]);
  return results;
}
