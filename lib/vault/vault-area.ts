import { browser } from 'wxt/browser';
import { openIndexedDbArea } from '../storage/indexed-db-area';
import { reportingLocalArea } from '../storage/reporting-local-area';
import type { RemovableAreaLike, ReportingArea } from '../storage/storage-area';
import { VAULT_DATABASE, isWrittenByVault } from './vault-layout';

/**
 * Where the vault lies since v8, and where an older one lies until it moves (`legacy`).
 *
 * Chromium: in IndexedDB. Its storage.local makes every write slower as the number of stored keys
 * grows, an IndexedDB put does not (README, Performance). The `unlimitedStorage` permission (asked
 * in Chromium only) keeps the database from being evicted when the disk runs short, as
 * storage.local never is.
 *
 * Firefox: in storage.local, which Firefox itself keeps in IndexedDB (one record-sized set took
 * 4-9 ms beside 5,000 records as beside 10). The extension's own IndexedDB would not do there:
 * when Firefox is set to never remember history, the background runs in private mode, where an
 * extension's IndexedDB fails or lasts only the session, while storage.local still persists.
 */
export function openVaultArea(): { area: ReportingArea; legacy?: RemovableAreaLike } {
  if (import.meta.env.FIREFOX) return { area: reportingLocalArea(isWrittenByVault) };
  return { area: openIndexedDbArea(VAULT_DATABASE), legacy: browser.storage.local };
}
