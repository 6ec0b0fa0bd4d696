import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { call } from '@/lib/messaging/call';
import { askUntilAnswered } from '@/lib/messaging/watch-background-read';
import type { ConnectionResults } from '@/lib/results/result-schema';
import { RESULTS_READ_MAX, RESULT_KEY_PREFIX } from '@/lib/results/result-key';

/**
 * The stored test results of these connections (last result and history), kept current, and
 * whether some are still being read. Pages read them through the background, which validates
 * each connection's entry on its own (one bad entry costs only its own result), and ask again for
 * the entries storage says changed.
 */
export function useLastResults(ids: readonly string[]): { results: Record<string, ConnectionResults>; reading: boolean } {
  const [results, setResults] = useState<Record<string, ConnectionResults>>({});
  /** Ids the background refused to read (not merely could not be reached): not waited for. */
  const [refused, setRefused] = useState<ReadonlySet<string>>(new Set());
  /**
   * Per connection, the newest read applied: an older read that answers late is not applied over
   * it. Kept while the list changes, so a connection added asks for its own results, not every one's again.
   */
  const appliedRead = useRef(new Map<string, number>()).current;
  const reads = useRef(0);
  // Reads still answering when the list changes are kept (they are for this page); not after it closed.
  const live = useRef(true);
  useEffect(() => () => void (live.current = false), []);
  const idsKey = ids.join('\n');
  useEffect(() => {
    const read = (wanted: string[]): void => {
      // One answer for a whole vault (one re-render, not one per slice), within the message's cap.
      if (wanted.length > RESULTS_READ_MAX) {
        for (let at = 0; at < wanted.length; at += RESULTS_READ_MAX) read(wanted.slice(at, at + RESULTS_READ_MAX));
        return;
      }
      if (!wanted.length) return;
      const ticket = ++reads.current;
      void askUntilAnswered(() => call('readResults', { ids: wanted }), () => live.current).then((outcome) => {
        if (!live.current || !outcome) return;
        if (!outcome.ok) return setRefused((current) => new Set([...current, ...wanted]));
        const fresh = wanted.filter((id) => (appliedRead.get(id) ?? 0) < ticket);
        for (const id of fresh) appliedRead.set(id, ticket);
        if (!fresh.length) return;
        setResults((current) => {
          const next = { ...current };
          for (const id of fresh) next[id] = outcome.value[id] ?? { history: [] };
          return next;
        });
      });
    };
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'local') return;
      read(Object.keys(changes).flatMap((key) => (key.startsWith(RESULT_KEY_PREFIX) ? [key.slice(RESULT_KEY_PREFIX.length)] : [])));
    };
    browser.storage.onChanged.addListener(listener);
    read((idsKey ? idsKey.split('\n') : []).filter((id) => !appliedRead.has(id)));
    return () => browser.storage.onChanged.removeListener(listener);
  }, [idsKey]);
  return { results, reading: ids.some((id) => results[id] === undefined && !refused.has(id)) };
}
