import { applyImport, planImport } from '../backup/plan-import';
import { createBatchedResults } from './batched-results';
import { readBackup } from '../backup/read-backup';
import { backupFileName, writeBackup } from '../backup/write-backup';
import { type Connection, type TestResult, plainKeyOf } from '../connections/schema';
import { sameNameIds } from '../connections/names';
import { validateInput } from '../connections/validate-input';
import { firstByName } from '../list/first-by-name';
import type { TestTarget, TesterDeps } from '../api/test-connection';
import type { ResultStore } from '../results/result-store';
import type { StorageAreaLike } from '../storage/storage-area';
import { TEST_RUN_KEY, type TestRun, parseTestRun } from './test-run';
import type { RateLimiter } from '../api/rate-limiter';
import type { OfferStore } from '../capture/offers';
import type { MessageData, MessageName, MessageResults } from '../messaging/protocol';
import { type Outcome, fail, ok } from '../result';
import type { SettingsStore } from '../settings/settings-store';
import { type OfferDeps, createOfferHandlers } from './offer-handlers';
import { type FillDeps, createFillHandlers } from './fill-handlers';
import { effectiveSettings } from '../policy/effective-settings';
import { urlAllowed } from '../policy/hosts';
import type { ParsedPolicy } from '../policy/policy-schema';
import type { SenderKind } from '../messaging/sender';
import type { ClipboardWatch } from '../clipboard/clipboard-watch';
import { forgetExpiredPreviousKeys } from './previous-keys';
import {
  addConnection,
  forgetPreviousKey,
  removeConnection,
  restoreConnection,
  stillTested,
  swapPreviousKey,
  updateConnection,
} from '../vault/operations';
import { changePassphrase, removePassphrase, setPassphrase, unlock } from '../vault/passphrase';
import type { SessionKeys } from '../vault/session-key';
import type { VaultStore } from '../vault/vault-store';

export interface BackgroundDeps extends Omit<OfferDeps, 'testKey'>, FillDeps {
  vault: VaultStore;
  sessionKeys: SessionKeys;
  settings: SettingsStore;
  offers: OfferStore;
  clipboard: ClipboardWatch;
  limiter: RateLimiter;
  results: ResultStore;
  /** Where Test all's progress is kept (storage.session; test-run.ts). */
  session: StorageAreaLike;
  /** The access check (lib/api/test-connection.ts); undefined when cancelled. */
  runTest: (target: TestTarget, options: Pick<TesterDeps, 'giveUpMs' | 'schedule' | 'observe' | 'signal'>) => Promise<TestResult | undefined>;
  /** Whether the extension may call this URL's host (custom hosts are optional permissions). */
  hasHostAccess: (url: string) => Promise<boolean>;
  /** The policy with what was wrong in it, for the pages (`policy()` is its valid part). */
  parsedPolicy: () => Promise<ParsedPolicy>;
  now: () => number;
  newId: () => string;
}

/** Who is asking, as far as a handler needs to know. */
export interface Caller {
  /** What sent it (dispatch.ts); our own pages when left out (unit tests call handlers directly). */
  kind?: SenderKind;
  /** The page origin of a portal content script's frame; undefined for our own pages. */
  origin?: string;
  /** The instance host of a ServiceNow content script's frame. */
  host?: string;
  /** The tab the message came from, if any (the prompt is an extension page inside one). */
  tabId?: number;
  /** The frame it came from within that tab (0: the top frame). */
  frameId?: number;
}

export type Handlers = {
  [K in MessageName]: (data: MessageData<K>, caller: Caller) => Promise<Outcome<MessageResults[K]>>;
};

/** A connection whose key is in clear: the vault is unlocked, or has no passphrase. */
type OpenConnection = Connection & { key: { kind: 'plain'; value: string } };
const isOpen = (c: Connection): c is OpenConnection => c.key.kind === 'plain';

/**
 * Requests that do not count as the user's activity for auto-lock: pages ask for the lock state
 * whenever storage changes (and activity changes storage), and a portal page must not be able to
 * keep the vault open by showing key-like text.
 */
const NOT_ACTIVITY: ReadonlySet<MessageName> = new Set([
  'lockStatus',
  'readVault',
  'readListHead',
  'readResults',
  'readTestRun',
  'readPolicy',
  'offerCapturedKey',
  'getOffer',
  'requestFill',
  'getFillRequest',
]);

function countingActivity(handlers: Handlers, sessionKeys: SessionKeys): Handlers {
  const counted = { ...handlers } as Record<MessageName, (data: never, caller: Caller) => Promise<unknown>>;
  for (const name of Object.keys(handlers) as MessageName[]) {
    if (NOT_ACTIVITY.has(name)) continue;
    const handle = counted[name];
    counted[name] = async (data, caller) => {
      await sessionKeys.touch();
      return handle(data, caller);
    };
  }
  return counted as Handlers;
}

export function createHandlers(deps: BackgroundDeps): Handlers {
  const { vault, settings, limiter, sessionKeys } = deps;
  const ctx = () => ({ now: deps.now(), newId: deps.newId });
  /** The user's settings with the administrator's policy as a floor. */
  const effective = async () => effectiveSettings(await settings.read(), await deps.policy());
  const idleMs = async () => (await effective()).autoLockMinutes * 60_000;
  /**
   * What the policy asks of a change, read once per change (the managed storage is asked each
   * time): which hosts a connection may use, and whether keys may be stored only in a vault with a
   * passphrase (no key is refused for a vault that has one).
   */
  const policyRules = async () => {
    const policy = await deps.policy();
    return { hostAllowed: (url: string) => urlAllowed(url, policy.allowedApiHosts), passphraseRequired: policy.requirePassphrase === true };
  };
  /** A passphrase the policy finds too short; the built-in minimum is checked with the vault. */
  const policyTooShort = async (passphrase: string) => passphrase.length < ((await deps.policy()).minPassphraseLength ?? 0);

  /** Tests in flight, by connection id (or a form's draft), so Cancel can stop them. */
  const running = new Map<string, AbortController>();
  let run: AbortController | undefined;

  /** Stores results whose connection still has the key and URL they were run with. */
  type Tested = { id: string; result: TestResult; tested: TestTarget };
  async function store(records: Tested[]): Promise<void> {
    const read = await vault.read();
    if (!read.ok) return;
    await deps.results.record(records.filter((r) => stillTested(read.value, r.id, r.tested)));
  }
  const batchedResults = createBatchedResults(store);

  /** One access check of a key within its rate limits; undefined when cancelled. */
  async function check(target: TestTarget, signal: AbortSignal): Promise<TestResult | undefined> {
    const giveUpMs = (await settings.read()).testGiveUpSeconds * 1_000;
    return deps.runTest(target, {
      giveUpMs,
      signal,
      schedule: (task) => limiter.run(target.key, task),
      observe: (budget) => limiter.observe(target.key, budget),
    });
  }

  /** Runs a check that Cancel (by this id, or for everything) can stop. */
  async function cancellable(id: string, target: TestTarget, parent?: AbortSignal): Promise<TestResult | undefined> {
    const controller = new AbortController();
    running.get(id)?.abort();
    running.set(id, controller);
    const signal = parent ? AbortSignal.any([parent, controller.signal]) : controller.signal;
    try {
      return await check(target, signal);
    } finally {
      if (running.get(id) === controller) running.delete(id);
    }
  }

  async function testOne(connection: Connection): Promise<Outcome<TestResult>> {
    if (!isOpen(connection)) return fail('locked');
    const tested = { url: connection.url, key: connection.key.value };
    const result = await cancellable(connection.id, tested);
    if (!result) return fail('cancelled');
    // A connection deleted while its test ran still gets its answer; there is just nothing to store.
    await store([{ id: connection.id, result, tested }]);
    return ok(result);
  }

  async function writeRun(state: TestRun): Promise<void> {
    await deps.session.set({ [TEST_RUN_KEY]: state });
  }

  async function runAll(connections: OpenConnection[]): Promise<number> {
    run?.abort();
    const controller = new AbortController();
    run = controller;
    const startedAt = deps.now();
    let state: TestRun = { startedAt, total: connections.length, done: 0, lastResultAt: startedAt };
    await writeRun(state);
    let tested = 0;
    await Promise.all(
      connections.map(async (connection) => {
        const target = { url: connection.url, key: connection.key.value };
        const result = await cancellable(connection.id, target, controller.signal);
        if (!result) return;
        tested++;
        await batchedResults.record({ id: connection.id, result, tested: target });
        // Progress follows the stored results, a batch at a time, in the order they land.
        if (run === controller) {
          state = { ...state, done: Math.max(state.done, tested), lastResultAt: deps.now() };
          await writeRun(state);
        }
      }),
    );
    if (run === controller) {
      run = undefined;
      await writeRun({ ...state, finishedAt: deps.now(), ...(controller.signal.aborted && { cancelled: true }) });
    }
    return tested;
  }

  async function findConnection(id: string): Promise<Outcome<Connection>> {
    const read = await vault.read();
    if (!read.ok) return read;
    const connection = read.value.connections.find((c) => c.id === id);
    return connection ? ok(connection) : fail('not-found');
  }

  return countingActivity({
    ...createFillHandlers(deps),
    ...createOfferHandlers({
      ...deps,
      testKey: async (key, url) => {
        const result = await cancellable(`offer:${deps.newId()}`, { url, key });
        return result ? ok(result) : fail('cancelled');
      },
    }),

    async addConnection(input) {
      const rules = await policyRules();
      if (!rules.hostAllowed(input.url)) return fail('policy-host-not-allowed');
      return vault.change((state) =>
        rules.passphraseRequired && !state.lock ? fail('policy-passphrase-required') : addConnection(state, input, 'typed', ctx()),
      );
    },

    async updateConnection({ id, patch }) {
      // A connection a newer policy forbids keeps its URL until it is changed to an allowed one.
      // A note or a name asks nothing of the policy.
      const rules = patch.url !== undefined || patch.key !== undefined ? await policyRules() : undefined;
      if (patch.url !== undefined && !rules?.hostAllowed(patch.url)) return fail('policy-host-not-allowed');
      const required = patch.key !== undefined && rules?.passphraseRequired === true;
      const updated = await vault.change((state) => {
        if (required && !state.lock) return fail('policy-passphrase-required');
        const before = state.connections.find((c) => c.id === id);
        const outcome = updateConnection(state, id, patch, ctx());
        return outcome.ok ? ok({ state: outcome.value.state, result: { connection: outcome.value.result, before } }) : outcome;
      });
      if (!updated.ok) return updated;
      const { connection, before } = updated.value;
      // The last result says nothing about a different key or host; its history stays.
      if (before && (before.url !== connection.url || plainKeyOf(before.key) !== plainKeyOf(connection.key))) {
        await deps.results.forgetLast(id);
      }
      return ok(connection);
    },

    removeConnection: ({ id }) =>
      vault.change((state) => {
        const index = state.connections.findIndex((c) => c.id === id);
        const removed = removeConnection(state, id);
        return removed.ok
          ? ok({ state: removed.value.state, result: { connection: removed.value.result, index } })
          : removed;
      }),

    restoreConnection: ({ connection, index }) => vault.change((state) => restoreConnection(state, connection, index)),

    async swapPreviousKey({ id }) {
      const swapped = await vault.change((state) => swapPreviousKey(state, id, ctx()));
      if (swapped.ok) await deps.results.forgetLast(id);
      return swapped;
    },

    forgetPreviousKey: ({ id }) => vault.change((state) => forgetPreviousKey(state, id, ctx())),

    async testConnection({ id }) {
      const found = await findConnection(id);
      if (!found.ok) return found;
      if (!(await policyRules()).hostAllowed(found.value.url)) return fail('policy-host-not-allowed');
      if (!(await deps.hasHostAccess(found.value.url))) return fail('permission-denied');
      return testOne(found.value);
    },

    async testDraft({ url, key, id }) {
      // The form's typed key, or the saved one when an edit leaves the key field empty.
      let plain = key;
      if (plain === undefined) {
        if (!id) return fail('invalid-input', { key: 'key-empty' });
        const found = await findConnection(id);
        if (!found.ok) return found;
        plain = plainKeyOf(found.value.key);
        if (plain === undefined) return fail('locked');
      }
      const checked = validateInput({ url, key: plain });
      if (!checked.ok) return fail('invalid-input', checked.errors);
      if (!(await policyRules()).hostAllowed(checked.value.url)) return fail('policy-host-not-allowed');
      if (!(await deps.hasHostAccess(checked.value.url))) return fail('permission-denied');
      const result = await cancellable(`draft:${id ?? ''}`, checked.value);
      return result ? ok(result) : fail('cancelled');
    },

    async testAll() {
      const read = await vault.read();
      if (!read.ok) return read;
      const open = read.value.connections.filter(isOpen);
      if (open.length !== read.value.connections.length) return fail('locked');
      // Connections the policy forbids are skipped, as are hosts not granted; each shows why when tested alone.
      const rules = await policyRules();
      const allowed = await Promise.all(open.map(async (c) => rules.hostAllowed(c.url) && deps.hasHostAccess(c.url)));
      return ok({ tested: await runAll(open.filter((_, i) => allowed[i])) });
    },

    async cancelTests({ id }) {
      if (id !== undefined) running.get(id)?.abort();
      else {
        run?.abort();
        for (const controller of running.values()) controller.abort();
      }
      return ok(null);
    },

    async setTestGiveUp({ seconds }) {
      await settings.change((s) => ({ ...s, testGiveUpSeconds: seconds }));
      return ok(null);
    },

    async readVault() {
      const read = await vault.readStored();
      return read.ok ? ok({ connections: read.value.connections, quarantine: read.value.quarantine }) : read;
    },

    async readListHead({ count }) {
      const read = await vault.readStored();
      if (!read.ok) return read;
      const { connections, quarantine } = read.value;
      const head = firstByName(connections, count);
      const sameName = sameNameIds(connections);
      return ok({ connections: head, quarantine, total: connections.length, sameName: head.flatMap((c) => (sameName.has(c.id) ? [c.id] : [])) });
    },

    readResults: async ({ ids }) => ok(await deps.results.readMany(ids)),

    async readTestRun() {
      const stored = await deps.session.get(TEST_RUN_KEY);
      return ok(parseTestRun(stored[TEST_RUN_KEY]) ?? null);
    },

    readPolicy: async () => ok(await deps.parsedPolicy()),

    async revealKey({ id }) {
      const found = await findConnection(id);
      if (!found.ok) return found;
      const key = plainKeyOf(found.value.key);
      return key === undefined ? fail('locked') : ok({ key });
    },

    async forgetNeverSite({ origin }) {
      await settings.change((s) => ({ ...s, neverSites: s.neverSites.filter((o) => o !== origin) }));
      return ok(null);
    },

    async setAutoLock({ minutes }) {
      const max = (await deps.policy()).maxAutoLockMinutes;
      if (max !== undefined && minutes > max) return fail('policy-auto-lock');
      await settings.change((s) => ({ ...s, autoLockMinutes: minutes }));
      // An unlocked vault takes the new idle time now, not at the next unlock.
      await sessionKeys.setIdle(await idleMs());
      return ok(null);
    },

    async setClipboardClear({ seconds }) {
      if ((await deps.policy()).clipboardClearSeconds !== undefined) return fail('policy-clipboard');
      await settings.change((s) => ({ ...s, clipboardClearSeconds: seconds }));
      return ok(null);
    },

    async setPreviousKeyDays({ days }) {
      await settings.change((s) => ({ ...s, previousKeyDays: days }));
      await forgetExpiredPreviousKeys(vault, settings, deps.now());
      return ok(null);
    },

    async keyCopied({ id }) {
      const found = await findConnection(id);
      if (!found.ok) return found;
      const key = plainKeyOf(found.value.key);
      if (key === undefined) return fail('locked');
      await deps.clipboard.copied(key, (await effective()).clipboardClearSeconds ?? 0);
      return ok(null);
    },

    async lockStatus() {
      const read = await vault.read();
      if (!read.ok) return read;
      const hasPassphrase = read.value.lock !== undefined;
      // A passphrase the policy requires but that is not set yet locks the vault for new keys:
      // the pages ask for it first, and the prompt sends the user to them.
      if (!hasPassphrase) return ok({ hasPassphrase, unlocked: !(await policyRules()).passphraseRequired });
      return ok({ hasPassphrase, unlocked: await sessionKeys.isUnlocked() });
    },

    setPassphrase: async ({ passphrase }) => {
      if (await policyTooShort(passphrase)) return fail('policy-passphrase-too-short');
      const idle = await idleMs();
      return vault.change((state) => setPassphrase(state, passphrase, sessionKeys, idle));
    },

    changePassphrase: async ({ current, next }) => {
      if (await policyTooShort(next)) return fail('policy-passphrase-too-short');
      const idle = await idleMs();
      return vault.change((state) => changePassphrase(state, current, next, sessionKeys, idle));
    },

    async removePassphrase({ current }) {
      if ((await policyRules()).passphraseRequired) return fail('policy-passphrase-required');
      return vault.change((state) => removePassphrase(state, current, sessionKeys));
    },

    async unlock({ passphrase }) {
      const read = await vault.read();
      if (!read.ok) return read;
      return unlock(read.value, passphrase, sessionKeys, await idleMs());
    },

    async lock() {
      await sessionKeys.clear();
      return ok(null);
    },

    async exportBackup({ mode, passphrase, ids }) {
      if (mode === 'sealed' && passphrase.length < 8) return fail('passphrase-too-short');
      if (mode === 'sealed' && (await policyTooShort(passphrase))) return fail('policy-passphrase-too-short');
      if (mode === 'plain' && !(await effective()).allowPlainExport) return fail('policy-plain-export');
      const read = await vault.read();
      if (!read.ok) return read;
      const wanted = ids && new Set(ids);
      const chosen = wanted ? read.value.connections.filter((c) => wanted.has(c.id)) : read.value.connections;
      if (mode !== 'none' && !chosen.every(isOpen)) return fail('locked');
      const now = new Date(deps.now());
      const text = await writeBackup(chosen, mode, passphrase, now);
      return ok({ fileName: backupFileName(now), text, count: chosen.length });
    },

    async previewImport({ text, passphrase }) {
      const backup = await readBackup(text, passphrase);
      if (!backup.ok) return fail(backup.problem);
      const read = await vault.read();
      if (!read.ok) return read;
      return ok({ items: planImport(read.value, backup.entries) });
    },

    async applyImport({ text, passphrase, conflicts }) {
      const backup = await readBackup(text, passphrase);
      if (!backup.ok) return fail(backup.problem);
      const rules = await policyRules();
      if (!backup.entries.every((read) => !read.ok || rules.hostAllowed(read.entry.url))) return fail('policy-host-not-allowed');
      return vault.change((state) =>
        rules.passphraseRequired && !state.lock ? fail('policy-passphrase-required') : applyImport(state, backup.entries, conflicts, ctx()),
      );
    },
  }, sessionKeys);
}
