import { type Connection, plainKeyOf } from '../connections/schema';
import { findByName, nameKey } from '../connections/names';
import { type InputErrorCode, validateInput } from '../connections/validate-input';
import { fail, ok } from '../result';
import { type Change, type ChangeContext, addConnection, updateConnection } from '../vault/operations';
import type { VaultState } from '../vault/parse-vault';
import type { BackupEntry } from './backup-schema';

export type ImportStatus = 'new' | 'same' | 'conflict' | 'no-key' | 'invalid';
export interface ImportItem {
  name: string;
  status: ImportStatus;
  problem?: InputErrorCode;
}
export type ConflictChoice = 'skip' | 'replace';

function sameAs(existing: Connection, entry: BackupEntry, url: string): boolean {
  return existing.url === url && (entry.key === undefined || plainKeyOf(existing.key) === entry.key);
}

/** What importing `entries` would do, entry by entry; nothing is changed. */
export function planImport(state: VaultState, entries: BackupEntry[]): ImportItem[] {
  const seen = new Set<string>();
  return entries.map((entry) => {
    const checked = validateInput({ name: entry.name, url: entry.url, note: entry.note, ...(entry.key !== undefined && { key: entry.key }) });
    if (!checked.ok) {
      const problem = Object.values(checked.errors)[0];
      return { name: entry.name, status: 'invalid', ...(problem && { problem }) };
    }
    const { name, url } = checked.value;
    if (seen.has(nameKey(name))) return { name, status: 'invalid', problem: 'name-taken' };
    seen.add(nameKey(name));
    const existing = findByName(state.connections, name);
    if (existing) return { name, status: sameAs(existing, entry, url) ? 'same' : entry.key === undefined ? 'no-key' : 'conflict' };
    return { name, status: entry.key === undefined ? 'no-key' : 'new' };
  });
}

/**
 * Applies an import as one change: every new connection is added and, if chosen, every
 * conflicting one gets the backup's URL, note and key (its old key kept as the previous key).
 * A file with any invalid entry changes nothing.
 */
export function applyImport(
  state: VaultState,
  entries: BackupEntry[],
  conflicts: ConflictChoice,
  ctx: ChangeContext,
): Change<{ added: number; replaced: number }> {
  const plan = planImport(state, entries);
  if (plan.some((item) => item.status === 'invalid')) return fail('invalid-input');
  let next = state;
  let added = 0;
  let replaced = 0;
  for (const [index, item] of plan.entries()) {
    const entry = entries[index]!;
    if (entry.key === undefined) continue;
    const fields = { name: entry.name, url: entry.url, note: entry.note, key: entry.key };
    if (item.status === 'new') {
      const outcome = addConnection(next, fields, 'imported', { ...ctx, now: entry.createdAt ?? ctx.now });
      if (!outcome.ok) return outcome;
      next = outcome.value.state;
      added++;
    } else if (item.status === 'conflict' && conflicts === 'replace') {
      const existing = findByName(next.connections, entry.name)!;
      const outcome = updateConnection(next, existing.id, { url: entry.url, note: entry.note, key: entry.key }, ctx, { via: 'imported' });
      if (!outcome.ok) return outcome;
      next = outcome.value.state;
      replaced++;
    }
  }
  return ok({ state: next, result: { added, replaced } });
}
