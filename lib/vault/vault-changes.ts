import type { AreaChange } from '../storage/storage-area';

/**
 * How pages follow the vault: IndexedDB has no change events, so the background, its only writer,
 * posts each committed write's new values here (undefined or null: removed). A BroadcastChannel
 * reaches only the extension's own origin: no content script and no web page can listen or post.
 */
const CHANNEL = 'vault-changes';

export type VaultValues = Record<string, unknown>;

/** The background's side: what to call with each committed write. */
export function announceVaultChanges(): (changes: Record<string, AreaChange>) => void {
  const channel = new BroadcastChannel(CHANNEL);
  return (changes) => channel.postMessage(Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, change.newValue])));
}

/** A page's side: calls back with every write's new values from now on, until stopped. */
export function onVaultChanges(listener: (values: VaultValues) => void): () => void {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<VaultValues>) => listener(event.data);
  return () => channel.close();
}
