import { type Connection, type ConnectionSource, type KeyReplaced, USED_IN_MAX, plainKeyOf } from '../connections/schema';
import { findByName, nameKey } from '../connections/names';
import { type ConnectionInput, validateInput } from '../connections/validate-input';
import { type Outcome, fail, ok } from '../result';
import type { VaultState } from './parse-vault';

/**
 * Pure changes to the vault. Each takes the current state and returns the next one with a
 * result, or a refusal that leaves the state untouched. The background applies them one at a
 * time (see vault-store.ts).
 */
export type Change<T> = Outcome<{ state: VaultState; result: T }>;

export interface ChangeContext {
  now: number;
  newId: () => string;
}

const changed = <T>(state: VaultState, result: T): Change<T> => ok({ state, result });

function replaceConnection(state: VaultState, next: Connection): VaultState {
  return { ...state, connections: state.connections.map((c) => (c.id === next.id ? next : c)) };
}

function nameTakenByOther(state: VaultState, name: string, id?: string): boolean {
  const key = nameKey(name);
  return state.connections.some((c) => c.id !== id && nameKey(c.name) === key);
}

export function addConnection(
  state: VaultState,
  input: ConnectionInput,
  source: ConnectionSource,
  ctx: ChangeContext,
): Change<Connection> {
  const checked = validateInput({ ...input, note: input.note ?? '' });
  if (!checked.ok) return fail('invalid-input', checked.errors);
  const { name, url, key, note } = checked.value;
  if (findByName(state.connections, name)) return fail('invalid-input', { name: 'name-taken' });
  const connection: Connection = {
    id: ctx.newId(),
    name,
    url,
    key: { kind: 'plain', value: key },
    note: note ?? '',
    source,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    ...(input.purpose && { purpose: input.purpose }),
  };
  return changed({ ...state, connections: [...state.connections, connection] }, connection);
}

export function updateConnection(
  state: VaultState,
  id: string,
  patch: Partial<ConnectionInput>,
  ctx: ChangeContext,
  /** How a new key arrives: typed in the form unless said otherwise (a captured rotation, an import). */
  keyFrom: Omit<KeyReplaced, 'at'> = { via: 'typed' },
): Change<Connection> {
  const current = state.connections.find((c) => c.id === id);
  if (!current) return fail('not-found');
  const checked = validateInput(patch);
  if (!checked.ok) return fail('invalid-input', checked.errors);
  const { name, url, key, note } = checked.value;
  if (name !== undefined && nameTakenByOther(state, name, id)) return fail('invalid-input', { name: 'name-taken' });
  const keyChanged = key !== undefined && key !== plainKeyOf(current.key);
  const next: Connection = {
    ...current,
    ...(name !== undefined && { name }),
    ...(url !== undefined && { url }),
    ...(note !== undefined && { note }),
    ...(patch.purpose && { purpose: patch.purpose }),
    ...(keyChanged && {
      key: { kind: 'plain' as const, value: key },
      previousKey: current.key,
      previousUrl: current.url,
      keyReplaced: { ...keyFrom, at: ctx.now },
    }),
    updatedAt: ctx.now,
  };
  return changed(replaceConnection(state, next), next);
}

export function removeConnection(state: VaultState, id: string): Change<Connection> {
  const current = state.connections.find((c) => c.id === id);
  if (!current) return fail('not-found');
  return changed({ ...state, connections: state.connections.filter((c) => c.id !== id) }, current);
}

/** Puts back a connection removed moments ago (the popup's Undo), at its old place if given. */
export function restoreConnection(state: VaultState, connection: Connection, index?: number): Change<Connection> {
  if (state.connections.some((c) => c.id === connection.id)) return changed(state, connection);
  if (nameTakenByOther(state, connection.name)) return fail('invalid-input', { name: 'name-taken' });
  const connections = [...state.connections];
  connections.splice(index ?? connections.length, 0, connection);
  return changed({ ...state, connections }, connection);
}

/**
 * Swaps the current key and URL with the ones it replaced, so a rotation (or an import that also
 * moved the URL) can be undone, and redone.
 */
export function swapPreviousKey(state: VaultState, id: string, ctx: ChangeContext): Change<Connection> {
  const current = state.connections.find((c) => c.id === id);
  if (!current) return fail('not-found');
  if (!current.previousKey) return fail('no-previous-key');
  const next: Connection = {
    ...current,
    key: current.previousKey,
    url: current.previousUrl ?? current.url,
    previousKey: current.key,
    previousUrl: current.url,
    keyReplaced: { at: ctx.now, via: 'undo' },
    updatedAt: ctx.now,
  };
  return changed(replaceConnection(state, next), next);
}

function withoutPreviousKey({ previousKey: _key, previousUrl: _url, ...rest }: Connection, now: number): Connection {
  return { ...rest, updatedAt: now };
}

/** "Forget previous key": the key a rotation replaced is no longer kept for Undo. */
export function forgetPreviousKey(state: VaultState, id: string, ctx: ChangeContext): Change<Connection> {
  const current = state.connections.find((c) => c.id === id);
  if (!current) return fail('not-found');
  if (!current.previousKey) return fail('no-previous-key');
  const next = withoutPreviousKey(current, ctx.now);
  return changed(replaceConnection(state, next), next);
}

/**
 * Forgets every previous key replaced before `before` (the retention setting). A previous key
 * without a date (none since v3) counts as replaced at its connection's last update.
 */
export function forgetOldPreviousKeys(state: VaultState, before: number, now: number): Change<number> {
  let forgotten = 0;
  const connections = state.connections.map((c) => {
    if (!c.previousKey || (c.keyReplaced?.at ?? c.updatedAt) >= before) return c;
    forgotten++;
    return withoutPreviousKey(c, now);
  });
  return forgotten ? changed({ ...state, connections }, forgotten) : changed(state, 0);
}

/** Whether a test's result still belongs to its connection: its key and URL are those it was run with. */
export function stillTested(state: VaultState, id: string, tested: { key: string; url: string }): boolean {
  const current = state.connections.find((c) => c.id === id);
  return current !== undefined && plainKeyOf(current.key) === tested.key && current.url === tested.url;
}
export function findConnectionByKey(state: VaultState, key: string): Connection | undefined {
  return state.connections.find(
    (c) => plainKeyOf(c.key) === key || (c.previousKey !== undefined && plainKeyOf(c.previousKey) === key),
  );
}

/** Notes that this connection's key was filled into a ServiceNow instance now (newest first, one entry per host). */
export function recordFill(state: VaultState, id: string, host: string, ctx: Pick<ChangeContext, 'now'>): Change<Connection> {
  const current = state.connections.find((c) => c.id === id);
  if (!current) return fail('not-found');
  const others = (current.usedIn ?? []).filter((use) => use.host !== host);
  const next: Connection = { ...current, usedIn: [{ host, at: ctx.now }, ...others].slice(0, USED_IN_MAX) };
  return changed(replaceConnection(state, next), next);
}
