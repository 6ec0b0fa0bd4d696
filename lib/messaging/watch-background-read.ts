import { browser } from 'wxt/browser';
import type { Outcome } from '../result';
import { onVaultChanges } from '../vault/vault-changes';

/** The area name `concerns` sees for a write to the vault (vault-changes.ts). */
export const VAULT_AREA = 'vault';

/** Waits before asking a background that could not be reached (starting, or restarting) again. */
export const RETRY_MS = [200, 1_000, 3_000] as const;

/**
 * Asks until the background answers: one that could not be reached is asked again after
 * RETRY_MS (then every 3 s) for as long as `wanted()` says the answer is still wanted, at most
 * `tries` times in all (then its failure is the answer). Any other failure is an answer.
 * Undefined: no longer wanted.
 */
export async function askUntilAnswered<T>(ask: () => Promise<Outcome<T>>, wanted: () => boolean, tries = Infinity): Promise<Outcome<T> | undefined> {
  for (let attempt = 0; ; attempt++) {
    const outcome = await ask();
    if (outcome.ok || outcome.error.code !== 'internal' || attempt + 1 >= tries) return outcome;
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]));
    if (!wanted()) return undefined;
  }
}

/**
 * Follows a stored value through the background, which validates what it reads (pages read
 * stored data this way and leave zod out of their bundles): reads it now, and again whenever
 * storage, or the background for the vault (area VAULT_AREA), reports a change that `concerns`
 * it. An answer that arrives after a newer one, or after the watch stopped, is dropped; a failure
 * keeps what was shown.
 */
export function watchBackgroundRead<T>(
  read: () => Promise<Outcome<T>>,
  concerns: (keys: string[], area: string) => boolean,
  onValue: (value: T) => void,
): () => void {
  let latest = 0;
  let stopped = false;
  const readNow = () => {
    const ticket = ++latest;
    const wanted = () => !stopped && ticket === latest;
    void askUntilAnswered(read, wanted).then((outcome) => outcome?.ok && wanted() && onValue(outcome.value));
  };
  const listener = (changes: Record<string, unknown>, area: string) => concerns(Object.keys(changes), area) && readNow();
  browser.storage.onChanged.addListener(listener);
  const unfollow = onVaultChanges((values) => listener(values, VAULT_AREA));
  readNow();
  return () => {
    stopped = true;
    browser.storage.onChanged.removeListener(listener);
    unfollow();
  };
}
