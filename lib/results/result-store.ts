import type { TestResult } from '../connections/schema';
import type { StorageAreaLike } from '../storage/storage-area';
import { createSerialQueue } from '../vault/serial-queue';
import { type ConnectionResults, clampResult, parseResults, resultKey, toStored, withResult } from './result-schema';

export interface ResultRecord {
  id: string;
  result: TestResult;
}

/**
 * The background's writer of test results (result-schema.ts): validated and clamped on the way
 * in, validated again on the way out. Many results are written in one storage call.
 */
export function createResultStore(area: StorageAreaLike, now: () => number = Date.now) {
  const enqueue = createSerialQueue();

  async function readMany(ids: readonly string[]): Promise<Record<string, ConnectionResults>> {
    if (!ids.length) return {};
    const stored = await area.get(ids.map(resultKey));
    return Object.fromEntries(ids.map((id) => [id, parseResults(stored[resultKey(id)])]));
  }

  return {
    read: async (id: string): Promise<ConnectionResults> => (await readMany([id]))[id] ?? { history: [] },
    readMany,
    /** Adds each result to its connection's entry; returns the results as stored. */
    record: (records: readonly ResultRecord[]): Promise<TestResult[]> =>
      enqueue(async () => {
        const clamped = records.flatMap(({ id, result }) => {
          const safe = clampResult(result, now());
          return safe ? [{ id, result: safe }] : [];
        });
        const current = await readMany([...new Set(clamped.map((r) => r.id))]);
        const next: Record<string, ConnectionResults> = {};
        for (const { id, result } of clamped) next[id] = withResult(next[id] ?? current[id] ?? { history: [] }, result);
        if (Object.keys(next).length) await area.set(Object.fromEntries(Object.entries(next).map(([id, r]) => [resultKey(id), toStored(r)])));
        return clamped.map((r) => r.result);
      }),
    /** A new key or URL: the last result says nothing about it any more; the history stays. */
    forgetLast: (id: string): Promise<void> =>
      enqueue(async () => {
        const current = (await readMany([id]))[id];
        if (current?.last) await area.set({ [resultKey(id)]: toStored({ history: current.history }) });
      }),
  };
}

export type ResultStore = ReturnType<typeof createResultStore>;
