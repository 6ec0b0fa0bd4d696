import { i18n } from '#i18n';
import type { TestRun } from '@/lib/background/test-run';
import type { Connection } from '@/lib/connections/schema';
import type { ConnectionResults } from '@/lib/results/result-schema';
import { STILL_WAITING_MS } from './ConnectionItem';
import { useNow } from './use-test-run';

/** Test all's counts by verdict, over the results this run produced. */
export function runSummary(run: TestRun, connections: readonly Connection[], results: Record<string, ConnectionResults>) {
  const counts = { connected: 0, limited: 0, invalid: 0, other: 0 };
  for (const c of connections) {
    const last = results[c.id]?.last;
    if (!last || last.at < run.startedAt) continue;
    if (last.category === 'connected') counts.connected++;
    else if (last.category === 'limited') counts.limited++;
    else if (last.category === 'invalid-key') counts.invalid++;
    else counts.other++;
  }
  return counts;
}

/**
 * Test all as it runs: "23 of 62", Cancel, "Still waiting…" when no result came for a while;
 * at the end the counts by verdict and a filter to the failing ones.
 */
export function TestRunBar({
  run,
  connections,
  results,
  failingOnly,
  onFailingOnly,
  onCancel,
}: {
  run: TestRun;
  connections: readonly Connection[];
  results: Record<string, ConnectionResults>;
  failingOnly: boolean;
  onFailingOnly(on: boolean): void;
  onCancel(): void;
}) {
  const going = run.finishedAt === undefined;
  const now = useNow(going);
  const counts = runSummary(run, connections, results);
  return (
    <div class="run-bar">
      <p role="status" class="run-status">
        {going
          ? i18n.t('runProgress', [String(run.done), String(run.total)])
          : run.cancelled
            ? i18n.t('runCancelled', [String(run.done), String(run.total)])
            : i18n.t('runSummary', [String(counts.connected), String(counts.limited), String(counts.invalid), String(counts.other)])}
        {going && now - run.lastResultAt >= STILL_WAITING_MS && ` · ${i18n.t('stillWaiting')}`}
      </p>
      {going && (
        <progress max={run.total} value={run.done} aria-label={i18n.t('testAll')}>
          {run.done}
        </progress>
      )}
      {going ? (
        <button type="button" onClick={onCancel}>
          {i18n.t('cancelRun')}
        </button>
      ) : (
        <button type="button" aria-pressed={failingOnly} onClick={() => onFailingOnly(!failingOnly)}>
          {i18n.t('failingOnly')}
        </button>
      )}
    </div>
  );
}
