import { oldestFirst } from '../connections/added-order';
import type { Connection } from '../connections/schema';
import { VAULT_VERSION } from './migrations';
import type { Quarantined } from './parse-vault';
import { RECORD_PREFIX, VAULT_STORAGE_KEY, recordKey } from './vault-layout';
import type { ErrorCode } from '../result';

/**
 * The pages' read-only view of the vault: a copy the background validated (its readVault message:
 * the background keeps the vault in memory, see the README's Performance), then kept current from
 * the background's announcements of each write (vault-changes.ts), one record at a time. Those
 * are checked here without zod: the background, the vault's single writer, validates every record
 * with the full schema and quarantines what fails; the pages only need to know that a record has
 * the shape they draw, and leaving zod out of the popup keeps it 8 KiB lighter. A record that does
 * not have the shape is left out.
 */
export type VaultView =
  | { kind: 'ok'; connections: Connection[]; quarantine: Quarantined[]; partial?: ListHead }
  /** The background could not read the vault (one from a newer version, or a storage failure). */
  | { kind: 'failed'; code: ErrorCode };

/**
 * Only the first connections by name are known yet (the background's readListHead, which the
 * popup asks for before the whole vault so that its first screen does not wait for thousands).
 */
export interface ListHead {
  /** How many connections the vault holds. */
  total: number;
  /** Those of the first ones that share their name with another connection. */
  sameName: ReadonlySet<string>;
}

/** The most connections readListHead gives: a popup's screen shows about a dozen. */
export const LIST_HEAD_MAX = 100;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const optional = (value: unknown, check: (v: unknown) => boolean) => value === undefined || check(value);

const isStoredKey = (value: unknown) =>
  isRecord(value) && (value.kind === 'plain' ? isText(value.value) : value.kind === 'sealed' && isText(value.iv) && isText(value.ct));

const isUsedIn = (value: unknown) => Array.isArray(value) && value.every((u) => isRecord(u) && isText(u.host) && isNumber(u.at));
const isPurpose = (value: unknown) => isRecord(value) && isText(value.preset) && Array.isArray(value.areas) && value.areas.every(isText);

/** The shape the pages draw; the background's schema (lib/connections/schema.ts) says the rest. */
export function looksLikeConnection(value: unknown): value is Connection {
  return (
    isRecord(value) &&
    isText(value.id) &&
    isText(value.name) &&
    isText(value.url) &&
    isStoredKey(value.key) &&
    optional(value.previousKey, isStoredKey) &&
    optional(value.keyReplaced, (r) => isRecord(r) && isNumber(r.at) && isText(r.via) && optional(r.origin, isText)) &&
    isText(value.note) &&
    ['typed', 'captured', 'imported'].includes(value.source as string) &&
    isNumber(value.createdAt) &&
    isNumber(value.updatedAt) &&
    optional(value.previousUrl, isText) &&
    optional(value.usedIn, isUsedIn) &&
    optional(value.purpose, isPurpose)
  );
}

const looksQuarantined = (value: unknown): value is Quarantined =>
  isRecord(value) && isText(value.raw) && isText(value.reason) && isNumber(value.at);

/** Builds the view from stored items, then keeps it current from changes (new values; null or undefined: removed). */
export function createVaultView() {
  const records = new Map<string, Connection>();
  let meta: unknown;
  let sorted: Connection[] | undefined;

  return {
    apply(items: Record<string, unknown>): void {
      for (const [key, value] of Object.entries(items)) {
        if (key === VAULT_STORAGE_KEY) meta = value;
        else if (!key.startsWith(RECORD_PREFIX)) continue;
        else if (looksLikeConnection(value)) records.set(key, value);
        else records.delete(key);
        sorted = undefined;
      }
    },
    view(): VaultView {
      sorted ??= [...records.values()].sort(oldestFirst);
      const quarantine = isRecord(meta) && Array.isArray(meta.quarantine) ? meta.quarantine.filter(looksQuarantined) : [];
      return { kind: 'ok', connections: sorted, quarantine };
    },
  };
}

/** The storage items a validated copy stands for, to start a view from. */
export function itemsOf(connections: readonly Connection[], quarantine: readonly Quarantined[]): Record<string, unknown> {
  const items: Record<string, unknown> = { [VAULT_STORAGE_KEY]: { version: VAULT_VERSION, quarantine } };
  for (const connection of connections) items[recordKey(connection.id)] = connection;
  return items;
}
