import type { RemovableAreaLike, ReportingArea } from '../storage/storage-area';
import { VAULT_STORAGE_KEY, isVaultKey } from './vault-layout';

/**
 * What storage.local's `vault` key holds once the vault has moved out: a build from before the
 * move finds a vault newer than it reads there, and refuses it rather than start an empty one.
 */
export const MOVED_MARKER = { version: 8, movedTo: 'IndexedDB' } as const;

const isMoved = (value: unknown) =>
  typeof value === 'object' && value !== null && (value as { movedTo?: unknown }).movedTo === MOVED_MARKER.movedTo;

/**
 * Vault v8 lives in IndexedDB, where a write costs the same at 5,000 connections as at 10 (README,
 * Performance). A vault still in storage.local (v7 or older, in any layout) is copied as it lies,
 * in one transaction that is on disk before anything is removed, and the store then migrates it
 * like any older vault. Only then does storage.local's copy go: one atomic `set` leaves the marker
 * and nulls the records, whose keys are removed after. A worker stopped between the two finds the
 * vault in both: IndexedDB wins, and storage.local's copy is dropped again.
 *
 * `atRest` is everything IndexedDB holds; returns what it holds after.
 */
export async function moveIntoIndexedDb(
  atRest: Record<string, unknown>,
  area: Pick<ReportingArea, 'set'>,
  legacy: RemovableAreaLike,
): Promise<Record<string, unknown>> {
  const moved = Object.keys(atRest).some(isVaultKey);
  const { [VAULT_STORAGE_KEY]: meta } = await legacy.get(VAULT_STORAGE_KEY);
  // Records without their `vault` key are looked for only while nothing has moved yet.
  if (isMoved(meta) || (moved && meta === undefined)) return atRest;
  const stored = await legacy.get(null);
  const old = Object.fromEntries(Object.entries(stored).filter(([key, value]) => isVaultKey(key) && value !== null && value !== undefined));
  if (Object.keys(old).length === 0) return atRest;
  if (!moved) await area.set(old, { strict: true });
  const records = Object.keys(old).filter((key) => key !== VAULT_STORAGE_KEY);
  await legacy.set({ ...Object.fromEntries(records.map((key) => [key, null])), [VAULT_STORAGE_KEY]: MOVED_MARKER });
  await legacy.remove(records).catch(() => undefined);
  return moved ? atRest : { ...atRest, ...old };
}
