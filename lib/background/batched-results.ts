import { type TestRecord, recordTests } from '../vault/operations';
import type { VaultStore } from '../vault/vault-store';

/** How long results gather before they are written together. */
const BATCH_MS = 100;

/**
 * Collects test results and stores them together. Test all would otherwise write the whole vault
 * once per connection; results still appear as they come in, a batch at a time.
 */
export function createBatchedResults(vault: VaultStore, delayMs = BATCH_MS) {
  let pending: TestRecord[] = [];
  let flush: Promise<void> | undefined;
  return {
    /** Resolves once the batch holding this result is stored. */
    record(entry: TestRecord): Promise<void> {
      pending.push(entry);
      flush ??= new Promise((resolve) => setTimeout(resolve, delayMs)).then(async () => {
        const batch = pending;
        pending = [];
        flush = undefined;
        await vault.change((state) => recordTests(state, batch));
      });
      return flush;
    },
  };
}
