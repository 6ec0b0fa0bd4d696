import type { RemovableAreaLike, ReportingArea } from '../storage/storage-area';
import { VAULT_STORAGE_KEY, isVaultKey, isWrittenByVault } from './vault-layout';

/**
 * What storage.local's `vault` key holds once the vault lies in IndexedDB: a build from before the
 * move finds a vault newer than it reads there, and refuses it rather than start an empty one.
 */
export const MOVED_MARKER = { version: 8, movedTo: 'IndexedDB' } as const;

const isMoved = (value: unknown) =>
  typeof value === 'object' && value !== null && (value as { movedTo?: unknown }).movedTo === MOVED_MARKER.movedTo;

/**
 * Vault v8 lies in IndexedDB, where a write costs the same at 5,000 connections as at 10 (README,
 * Performance). A vault still in storage.local (v7 or older, in any layout) is copied as it lies,
 * in one transaction that is on disk before anything is removed. Then storage.local's records are
 * removed, and last its `vault` key becomes the marker, which is written on a new install too, so
 * that no older build ever writes a vault there again; the store then migrates the copy like any
 * older vault. Until the marker is there, the move is not done: a worker stopped on the way finds
 * the vault in both, and IndexedDB's copy wins (nothing else writes there, and no change is made
 * before this has run), so storage.local's is only tidied away.
 *
 * `atRest` is everything IndexedDB holds; returns what it holds after.
 */
export async function moveIntoIndexedDb(
  atRest: Record<string, unknown>,
  area: Pick<ReportingArea, 'set'>,
  legacy: RemovableAreaLike,
): Promise<Record<string, unknown>> {
  if (isMoved((await legacy.get(VAULT_STORAGE_KEY))[VAULT_STORAGE_KEY])) return atRest;
  const stored = await legacy.get(null);
  const old = Object.fromEntries(Object.entries(stored).filter(([key, value]) => isVaultKey(key) && value !== null && value !== undefined));
  const moved = Object.keys(atRest).some(isWrittenByVault);
  if (!moved && Object.keys(old).length > 0) await area.set(old, { strict: true });
  const records = Object.keys(stored).filter((key) => isVaultKey(key) && key !== VAULT_STORAGE_KEY);
  if (records.length > 0) await legacy.remove(records);
  await legacy.set({ [VAULT_STORAGE_KEY]: MOVED_MARKER });
  return moved ? atRest : { ...atRest, ...old };
}
