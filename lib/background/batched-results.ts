/** How long results gather before they are written together. */
const BATCH_MS = 100;

/**
 * Collects test results and stores them together: Test all would otherwise write once per
 * connection. Results still appear as they come in, a batch at a time.
 */
export function createBatchedResults<T>(store: (records: T[]) => Promise<void>, delayMs = BATCH_MS) {
  let pending: T[] = [];
  let flush: Promise<void> | undefined;
  return {
    /** Resolves once the batch holding this result is stored. */
    record(entry: T): Promise<void> {
      pending.push(entry);
      flush ??= new Promise((resolve) => setTimeout(resolve, delayMs)).then(async () => {
        const batch = pending;
        pending = [];
        flush = undefined;
        await store(batch);
      });
      return flush;
    },
  };
}
