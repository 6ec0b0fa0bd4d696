import { reportingLocalArea } from '../storage/reporting-local-area';
import type { AreaChange } from '../storage/storage-area';
import { isWrittenByVault } from './vault-layout';

/**
 * How pages follow the vault. In Chromium it lies in IndexedDB (vault-area.ts), which has no
 * change events, so the background, its only writer, posts each committed write's new values on
 * a BroadcastChannel (undefined or null: removed), which reaches only the extension's own origin:
 * no content script and no web page can listen or post. In Firefox it lies in storage.local,
 * whose own events reach every extension page, those in private windows too (a BroadcastChannel
 * there is partitioned by private browsing, and would not).
 */
const CHANNEL = 'vault-changes';

export type VaultValues = Record<string, unknown>;

const newValues = (changes: Record<string, AreaChange>): VaultValues =>
  Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, change.newValue]));

/** The background's side, in Chromium (Firefox's pages hear storage.local): what to call with each committed write. */
export function announceVaultChanges(): (changes: Record<string, AreaChange>) => void {
  const channel = new BroadcastChannel(CHANNEL);
  return (changes) => channel.postMessage(newValues(changes));
}

/** A page's side: calls back with every write's new values from now on, until stopped. */
export function onVaultChanges(listener: (values: VaultValues) => void): () => void {
  if (import.meta.env.FIREFOX) return reportingLocalArea(isWrittenByVault).onChanged((changes) => listener(newValues(changes)));
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<VaultValues>) => listener(event.data);
  return () => channel.close();
}
