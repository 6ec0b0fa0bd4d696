import { type Connection, plainKeyOf } from '../connections/schema';
import { findByName, nameKey } from '../connections/names';
import { type InputErrorCode, validateInput } from '../connections/validate-input';
import { ok } from '../result';
import { type Change, type ChangeContext, addConnection, updateConnection } from '../vault/operations';
import type { VaultState } from '../vault/parse-vault';
import type { BackupEntry, EntryProblem, ReadEntry } from './backup-schema';

export type ImportStatus = 'new' | 'same' | 'conflict' | 'no-key' | 'skipped';
/** Why an entry is skipped: unreadable, refused by the same checks as the form, or a name the file repeats. */
export type SkipReason = EntryProblem | InputErrorCode | 'repeated-in-file';

export interface ImportItem {
  name: string;
  status: ImportStatus;
  /** With `skipped`. */
  reason?: SkipReason;
  /** With `conflict`: what replacing would change. */
  change?: { urlFrom: string; urlTo: string; keyChanged: boolean };
}
export type ConflictChoice = 'skip' | 'replace';

/** What importing `entries` would do, entry by entry; nothing is changed. */
export function planImport(state: VaultState, entries: readonly ReadEntry[]): ImportItem[] {
  const seen = new Set<string>();
  return entries.map((read): ImportItem => {
    if (!read.ok) return { name: read.name, status: 'skipped', reason: read.problem };
    const { entry } = read;
    const checked = validateInput({ name: entry.name, url: entry.url, note: entry.note, ...(entry.key !== undefined && { key: entry.key }) });
    if (!checked.ok) {
      const reason = Object.values(checked.errors)[0];
      return { name: entry.name, status: 'skipped', ...(reason && { reason }) };
    }
    const { name, url } = checked.value;
    if (seen.has(nameKey(name))) return { name, status: 'skipped', reason: 'repeated-in-file' };
    seen.add(nameKey(name));
    const existing = findByName(state.connections, name);
    if (!existing) return { name, status: entry.key === undefined ? 'no-key' : 'new' };
    const keyChanged = entry.key !== undefined && plainKeyOf(existing.key) !== entry.key;
    if (existing.url === url && !keyChanged) return { name, status: 'same' };
    if (entry.key === undefined) return { name, status: 'no-key' };
    return { name, status: 'conflict', change: { urlFrom: existing.url, urlTo: url, keyChanged } };
  });
}

/**
 * Applies an import as one change: every new connection is added and, if chosen, every
 * conflicting one gets the backup's URL, note and key (its old key and URL kept for Undo).
 * Skipped entries are left out; the rest go in together or not at all.
 */
export function applyImport(
  state: VaultState,
  entries: readonly ReadEntry[],
  conflicts: ConflictChoice,
  ctx: ChangeContext,
): Change<{ added: number; replaced: number; skipped: number }> {
  const plan = planImport(state, entries);
  let next = state;
  let added = 0;
  let replaced = 0;
  for (const [index, item] of plan.entries()) {
    const read = entries[index]!;
    if (!read.ok || read.entry.key === undefined) continue;
    const entry: BackupEntry & { key: string } = { ...read.entry, key: read.entry.key };
    const fields = { name: entry.name, url: entry.url, note: entry.note, key: entry.key };
    if (item.status === 'new') {
      const outcome = addConnection(next, fields, 'imported', { ...ctx, now: entry.createdAt ?? ctx.now });
      if (!outcome.ok) return outcome;
      next = outcome.value.state;
      added++;
    } else if (item.status === 'conflict' && conflicts === 'replace') {
      const existing = findByName(next.connections, entry.name) as Connection;
      const outcome = updateConnection(next, existing.id, { url: entry.url, note: entry.note, key: entry.key }, ctx, { via: 'imported' });
      if (!outcome.ok) return outcome;
      next = outcome.value.state;
      replaced++;
    }
  }
  const skipped = plan.filter((item) => item.status === 'skipped').length;
  return ok({ state: next, result: { added, replaced, skipped } });
}
