import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Connection } from '@/lib/connections/schema';
import { nameKey, sameNameIds } from '@/lib/connections/names';
import type { ConnectionInput } from '@/lib/connections/validate-input';
import { call } from '@/lib/messaging/call';
import { fail } from '@/lib/result';
import { hasHostAccess, originPattern, requestHostAccess } from '@/lib/permissions/host-access';
import { type ParsedVault, VAULT_STORAGE_KEY, parseVault } from '@/lib/vault/parse-vault';
import { BackupSection } from './BackupSection';
import { ConnectionForm } from './ConnectionForm';
import { ErrorAlert } from './ErrorAlert';
import { SecuritySection } from './SecuritySection';
import { HygieneSettings } from './HygieneSettings';
import { LockView } from './LockView';
import { useLockStatus } from './use-lock-status';
import { type ItemActions, ConnectionItem } from './ConnectionItem';
import { TestRunBar, isFailing } from './TestRunBar';
import { useLastResults } from './use-last-results';
import { useTestRun } from './use-test-run';
import { NeverSites } from './NeverSites';
import { ServiceNowSection } from './ServiceNowSection';
import { TestSettings } from './TestSettings';
import { QuarantineList } from './QuarantineList';
import { type ToastMessage, Toast } from './Toast';
import { failureText } from './messages';
import { useLocalKey } from './use-local-key';

/** Past this many connections the list gets a filter box. */
const FILTER_FROM = 6;
/**
 * The list renders this many items at once, then the rest a batch per task: with hundreds of
 * connections the popup is usable at once instead of after every item is laid out.
 */
const FIRST_ITEMS = 30;
const MORE_ITEMS = 50;

type Mode = { kind: 'list' } | { kind: 'add' } | { kind: 'edit'; id: string };

const parse = (raw: unknown): ParsedVault => parseVault(raw);

/** The connection manager, shared by the popup and the full-page view. */
export function ConnectionsApp({ layout }: { layout: 'popup' | 'page' }) {
  const vault = useLocalKey(VAULT_STORAGE_KEY, parse);
  const lock = useLockStatus();
  const welcome = layout === 'page' && new URLSearchParams(location.search).has('welcome');
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [filter, setFilter] = useState('');
  /** Connections whose own test runs, with when it started. */
  const [testing, setTesting] = useState<ReadonlyMap<string, number>>(new Map());
  const [failingOnly, setFailingOnly] = useState(false);
  /** Origins the browser does not let us call yet (custom hosts saved from the popup, say). */
  const [blocked, setBlocked] = useState<ReadonlySet<string>>(new Set());
  const [toast, setToast] = useState<ToastMessage>();
  const clearToast = useCallback(() => setToast(undefined), []);
  const addButton = useRef<HTMLButtonElement>(null);
  const formWasOpen = useRef(false);
  // A closing form takes the focus with it; hand it to the toolbar rather than drop it on <body>.
  useEffect(() => {
    if (mode.kind === 'list' && formWasOpen.current) addButton.current?.focus();
    formWasOpen.current = mode.kind !== 'list';
  }, [mode.kind]);

  const connections = vault?.kind === 'ok' ? vault.state.connections : [];
  const locked = lock?.hasPassphrase === true && !lock.unlocked;
  const sameName = useMemo(() => sameNameIds(connections), [connections]);
  const ids = useMemo(() => connections.map((c) => c.id), [connections]);
  const results = useLastResults(ids);
  const run = useTestRun();
  const runGoing = run !== undefined && run.finishedAt === undefined;
  const shown = useMemo(() => {
    const needle = nameKey(filter);
    const byName = needle ? connections.filter((c) => nameKey(c.name).includes(needle)) : connections;
    return failingOnly ? byName.filter((c) => isFailing(results[c.id]?.last)) : byName;
  }, [connections, filter, failingOnly, results]);
  const origins = useMemo(() => [...new Set(connections.map((c) => originPattern(c.url)))].join('\n'), [connections]);
  const [accessChecks, setAccessChecks] = useState(0);
  useEffect(() => {
    const list = origins ? origins.split('\n') : [];
    void Promise.all(list.map(async (pattern) => [pattern, await hasHostAccess(pattern.slice(0, -2))] as const)).then((answers) =>
      setBlocked(new Set(answers.filter(([, granted]) => !granted).map(([pattern]) => pattern))),
    );
  }, [origins, accessChecks]);
  const [rendered, setRendered] = useState(FIRST_ITEMS);
  useEffect(() => {
    if (rendered >= shown.length) return;
    const timer = setTimeout(() => setRendered(rendered + MORE_ITEMS), 0);
    return () => clearTimeout(timer);
  }, [rendered, shown.length]);

  const markTesting = (id: string, on: boolean) =>
    setTesting((current) => {
      const next = new Map(current);
      if (on) next.set(id, Date.now());
      else next.delete(id);
      return next;
    });

  const say = (text: string, undo?: () => void) => setToast({ text, undo });

  async function reveal(connection: Connection): Promise<string | undefined> {
    const outcome = await call('revealKey', { id: connection.id });
    if (outcome.ok) return outcome.value.key;
    say(failureText(outcome.error.code));
    return undefined;
  }

  const actions: ItemActions = {
    reveal,
    async test(connection) {
      if (!(await requestHostAccess(connection.url))) return say(failureText('permission-denied'));
      markTesting(connection.id, true);
      const outcome = await call('testConnection', { id: connection.id });
      markTesting(connection.id, false);
      if (!outcome.ok) say(failureText(outcome.error.code));
    },
    cancelTest: (connection) => void call('cancelTests', { id: connection.id }),
    async grantAccess(connection) {
      // Chromium closes the popup when it shows the permission dialog: ask from the manager tab.
      if (layout === 'popup') return void browser.runtime.openOptionsPage();
      await requestHostAccess(connection.url);
      setAccessChecks((n) => n + 1);
    },
    async copy(connection) {
      const key = await reveal(connection);
      if (key === undefined) return;
      try {
        await navigator.clipboard.writeText(key);
        say(i18n.t('copied'));
        // The background clears it from the clipboard later, also once this page has closed.
        void call('keyCopied', { id: connection.id });
      } catch {
        say(i18n.t('copyFailed'));
      }
    },
    edit: (connection) => setMode({ kind: 'edit', id: connection.id }),
    async remove(connection) {
      const outcome = await call('removeConnection', { id: connection.id });
      if (!outcome.ok) return say(failureText(outcome.error.code));
      const { connection: removed, index } = outcome.value;
      say(i18n.t('deleted', [removed.name]), () => {
        void call('restoreConnection', { connection: removed, index }).then(
          (restored) => restored.ok || say(failureText(restored.error.code)),
        );
      });
    },
    async swapKey(connection) {
      const outcome = await call('swapPreviousKey', { id: connection.id });
      say(outcome.ok ? i18n.t('keyRestored', [connection.name]) : failureText(outcome.error.code));
    },
    async forgetPreviousKey(connection) {
      const outcome = await call('forgetPreviousKey', { id: connection.id });
      say(outcome.ok ? i18n.t('previousKeyForgotten', [connection.name]) : failureText(outcome.error.code));
    },
  };

  async function testAll() {
    setFailingOnly(false);
    // The background runs it and records its progress (useTestRun): closing the popup stops nothing.
    const outcome = await call('testAll', {});
    if (!outcome.ok) say(failureText(outcome.error.code));
  }

  async function testDraft(draft: { url: string; key?: string }) {
    // The manager tab may ask for a custom host from this click; the popup only checks (see submit).
    const granted = layout === 'page' ? await requestHostAccess(draft.url) : await hasHostAccess(draft.url).catch(() => false);
    if (!granted) return fail('permission-denied');
    return call('testDraft', { ...draft, ...(mode.kind === 'edit' && { id: mode.id }) });
  }

  async function submit(input: Partial<ConnectionInput>) {
    // In the manager tab, ask for a custom host while the Save click still counts as a user
    // gesture. Not in the popup: Chromium closes it for the dialog, and the saved connection would
    // show no confirmation. There the row says the host is not allowed yet, and offers to ask.
    const access = input.url && layout === 'page' ? requestHostAccess(input.url) : Promise.resolve(true);
    const outcome =
      mode.kind === 'edit'
        ? await call('updateConnection', { id: mode.id, patch: input })
        : await call('addConnection', input as ConnectionInput);
    if (!outcome.ok) return outcome.error;
    await access;
    setAccessChecks((n) => n + 1);
    setMode({ kind: 'list' });
    say(i18n.t('saved', [outcome.value.name]));
    return null;
  }

  const editing = mode.kind === 'edit' ? connections.find((c) => c.id === mode.id) : undefined;
  return (
    <div class={`app app-${layout}`}>
      <header class="bar">
        <h1>{i18n.t('appTitle')}</h1>
        <div class="bar-actions">
          {lock?.hasPassphrase && lock.unlocked && (
            <button type="button" onClick={() => void call('lock', {})}>
              {i18n.t('lock')}
            </button>
          )}
          {layout === 'popup' && (
            <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
              {i18n.t('openManager')}
            </button>
          )}
        </div>
      </header>
      {welcome && <p class="welcome">{i18n.t('welcome')}</p>}
      {locked && <LockView />}
      {vault?.kind === 'newer' && <ErrorAlert text={failureText('vault-from-newer-version')} />}
      {mode.kind !== 'list' ? (
        <ConnectionForm
          key={mode.kind === 'edit' ? mode.id : 'new'}
          editing={editing}
          connections={connections}
          onSubmit={submit}
          onTest={testDraft}
          onCancel={() => setMode({ kind: 'list' })}
        />
      ) : (
        <>
          <div class="toolbar">
            <button type="button" class="primary" ref={addButton} onClick={() => setMode({ kind: 'add' })}>
              {i18n.t('addConnection')}
            </button>
            <button type="button" disabled={runGoing || locked || connections.length === 0} onClick={testAll}>
              {runGoing ? i18n.t('testingAll') : i18n.t('testAll')}
            </button>
            <span class="muted count">{i18n.t('countConnections', connections.length, [String(connections.length)])}</span>
          </div>
          {run && (
            <TestRunBar
              run={run}
              connections={connections}
              results={results}
              failingOnly={failingOnly}
              onFailingOnly={setFailingOnly}
              onCancel={() => void call('cancelTests', {})}
            />
          )}
          {connections.length >= FILTER_FROM && (
            <input
              type="search"
              class="filter"
              aria-label={i18n.t('filterLabel')}
              placeholder={i18n.t('filterLabel')}
              value={filter}
              onInput={(e) => setFilter(e.currentTarget.value)}
            />
          )}
          {vault && connections.length === 0 && <p class="muted">{i18n.t('emptyList')}</p>}
          {connections.length > 0 && shown.length === 0 && <p class="muted">{i18n.t('noMatches')}</p>}
          <ul class="list" aria-label={i18n.t('connectionsLabel')}>
            {shown.slice(0, rendered).map((connection: Connection) => (
              <ConnectionItem
                key={connection.id}
                connection={connection}
                state={{
                  results: results[connection.id],
                  testingSince: testing.get(connection.id),
                  stale: runGoing && (results[connection.id]?.last?.at ?? 0) < run.startedAt,
                  needsAccess: blocked.has(originPattern(connection.url)),
                }}
                actions={actions}
                locked={locked}
                sameName={sameName.has(connection.id)}
              />
            ))}
          </ul>
        </>
      )}
      {toast && <Toast message={toast} onDone={clearToast} />}
      {layout === 'page' && (
        <>
          <SecuritySection onMessage={say} />
          <BackupSection connections={connections} onMessage={say} />
          <HygieneSettings />
        </>
      )}
      {layout === 'page' && <ServiceNowSection />}
      {layout === 'page' && vault?.kind === 'ok' && <QuarantineList records={vault.state.quarantine} />}
      {layout === 'page' ? (
        <>
          <NeverSites />
          <TestSettings />
        </>
      ) : (
        <details class="settings-box">
          <summary>{i18n.t('settingsTitle')}</summary>
          <HygieneSettings />
          <NeverSites />
          <TestSettings />
        </details>
      )}
    </div>
  );
}
