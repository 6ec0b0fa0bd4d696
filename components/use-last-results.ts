import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { call } from '@/lib/messaging/call';
import type { ConnectionResults } from '@/lib/results/result-schema';
import { RESULT_KEY_PREFIX } from '@/lib/results/result-key';

const SLICE = 300;

/**
 * The stored test results of these connections (last result and history), kept current. Pages
 * read them through the background, which validates each connection's entry on its own (one bad
 * entry costs only its own result), and ask again for the entries storage says changed.
 */
export function useLastResults(ids: readonly string[]): Record<string, ConnectionResults> {
  const [results, setResults] = useState<Record<string, ConnectionResults>>({});
  const idsKey = ids.join('\n');
  useEffect(() => {
    let live = true;
    let reads = 0;
    /** Per connection, the newest read applied: an older read that answers late is not applied over it. */
    const appliedRead = new Map<string, number>();
    const readSlice = async (wanted: string[]) => {
      const ticket = ++reads;
      const outcome = await call('readResults', { ids: wanted });
      if (!live || !outcome.ok) return;
      const fresh = wanted.filter((id) => (appliedRead.get(id) ?? 0) < ticket);
      for (const id of fresh) appliedRead.set(id, ticket);
      if (!fresh.length) return;
      setResults((current) => {
        const next = { ...current };
        for (const id of fresh) next[id] = outcome.value[id] ?? { history: [] };
        return next;
      });
    };
    // A few hundred at a time, one after the other: thousands in one answer would hold the page
    // (and a keystroke in the search box) for tens of milliseconds.
    const read = async (wanted: string[]) => {
      for (let at = 0; at < wanted.length && live; at += SLICE) await readSlice(wanted.slice(at, at + SLICE));
    };
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'local') return;
      void read(Object.keys(changes).flatMap((key) => (key.startsWith(RESULT_KEY_PREFIX) ? [key.slice(RESULT_KEY_PREFIX.length)] : [])));
    };
    browser.storage.onChanged.addListener(listener);
    void read(idsKey ? idsKey.split('\n') : []);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(listener);
    };
  }, [idsKey]);
  return results;
}
