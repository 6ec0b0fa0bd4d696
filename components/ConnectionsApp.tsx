import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Connection } from '@/lib/connections/schema';
import { sameNameIds } from '@/lib/connections/names';
import { call } from '@/lib/messaging/call';
import { hasHostAccess, originPattern, requestHostAccess } from '@/lib/permissions/host-access';
import { urlAllowed } from '@/lib/policy/hosts';
import type { Quarantined } from '@/lib/vault/parse-vault';
import { ConnectionList } from './ConnectionList';
import { ErrorAlert } from './ErrorAlert';
import { lazy } from './lazy';
import { usePolicy } from './use-policy';
import { useLockStatus } from './use-lock-status';
import type { ItemActions, ItemState } from './ConnectionItem';
import { useLastResults } from './use-last-results';
import { useStableMethods } from './use-stable-methods';
import { useTestRun } from './use-test-run';
import type { ToastMessage } from './Toast';
import { failureText } from './messages';
import { type VaultWatch, useVaultView } from './use-vault-view';

// Not needed for the list's first paint (or only in some states): loaded when first shown.
const LockView = lazy(() => import('./LockView').then((m) => m.LockView));
const TestRunBar = lazy(() => import('./TestRunBar').then((m) => m.TestRunBar));
const ConnectionEditor = lazy(() => import('./ConnectionEditor').then((m) => m.ConnectionEditor));
const RequiredPassphraseForm = lazy(() => import('./RequiredPassphraseForm').then((m) => m.RequiredPassphraseForm));
const PopupSettings = lazy(() => import('./PopupSettings').then((m) => m.PopupSettings));
const Toast = lazy(() => import('./Toast').then((m) => m.Toast));

type Mode = { kind: 'list' } | { kind: 'add' } | { kind: 'edit'; id: string };

/** What only the full page shows (passphrase, backups, quarantine, settings): passed in, so the popup does not carry it. */
export type ManagerSections = (props: {
  connections: Connection[];
  quarantine: Quarantined[];
  say(text: string): void;
}) => ComponentChildren;

interface AppProps {
  layout: 'popup' | 'page';
  managerSections?: ManagerSections;
  /** The vault, already being read (the popup starts before it renders: use-vault-view.ts). */
  vaultWatch?: VaultWatch;
}

/** The connection manager, shared by the popup and the full-page view. */
export function ConnectionsApp({ layout, managerSections, vaultWatch }: AppProps) {
  const vault = useVaultView(vaultWatch);
  const lock = useLockStatus();
  const { policy } = usePolicy();
  const welcome = layout === 'page' && new URLSearchParams(location.search).has('welcome');
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [showId, setShowId] = useState<string>();
  /** Connections whose own test runs, with when it started. */
  const [testing, setTesting] = useState<ReadonlyMap<string, number>>(new Map());
  const [failingOnly, setFailingOnly] = useState(false);
  /** Origins the browser does not let us call yet (custom hosts saved from the popup, say). */
  const [blocked, setBlocked] = useState<ReadonlySet<string>>(new Set());
  const [toast, setToast] = useState<ToastMessage>();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const clearToast = useCallback(() => setToast(undefined), []);
  const addButton = useRef<HTMLButtonElement>(null);
  const formWasOpen = useRef(false);
  // A closing form takes the focus with it; hand it to the toolbar rather than drop it on <body>.
  useEffect(() => {
    if (mode.kind === 'list' && formWasOpen.current) addButton.current?.focus();
    formWasOpen.current = mode.kind !== 'list';
    // A form ends in "Saved": its toast must be drawn with the list that brings the saved row into
    // view. Drawn later, it would take its room from the list box and hide that row again.
    if (mode.kind !== 'list') void Toast.preload();
  }, [mode.kind]);

  const connections = vault?.kind === 'ok' ? vault.connections : [];
  /** Only the first screen is read yet (useVaultView): the count and the same-name marks come with it. */
  const partial = vault?.kind === 'ok' ? vault.partial : undefined;
  const total = partial?.total ?? connections.length;
  const locked = lock?.hasPassphrase === true && !lock.unlocked;
  const sameName = useMemo(() => partial?.sameName ?? sameNameIds(connections), [connections, partial]);
  const ids = useMemo(() => connections.map((c) => c.id), [connections]);
  const { results, reading } = useLastResults(ids);
  // The verdicts sort, filter and search the list too: it is still loading until they are read.
  const loading = partial !== undefined || reading;
  const run = useTestRun();
  const runGoing = run !== undefined && run.finishedAt === undefined;
  const origins = useMemo(() => [...new Set(connections.map((c) => originPattern(c.url)))].join('\n'), [connections]);
  const [accessChecks, setAccessChecks] = useState(0);
  useEffect(() => {
    const list = origins ? origins.split('\n') : [];
    void Promise.all(list.map(async (pattern) => [pattern, await hasHostAccess(pattern.slice(0, -2))] as const)).then((answers) =>
      setBlocked(new Set(answers.filter(([, granted]) => !granted).map(([pattern]) => pattern))),
    );
  }, [origins, accessChecks]);

  const stateOf = (connection: Connection): ItemState => ({
    results: results[connection.id],
    testingSince: testing.get(connection.id),
    stale: runGoing && (results[connection.id]?.last?.at ?? 0) < run.startedAt,
    needsAccess: blocked.has(originPattern(connection.url)),
    forbidden: !urlAllowed(connection.url, policy.allowedApiHosts),
  });

  const markTesting = (id: string, on: boolean) =>
    setTesting((current) => {
      const next = new Map(current);
      if (on) next.set(id, Date.now());
      else next.delete(id);
      return next;
    });

  const say = (text: string, undo?: () => void) => setToast({ text, undo });

  // The same functions for the page's life: the rows are memoised (ConnectionItem) and keep them.
  const actions = useStableMethods<ItemActions>({
    say,
    async test(connection) {
      // A host the policy forbids is not asked for: the background refuses the test and says why.
      const allowed = urlAllowed(connection.url, policy.allowedApiHosts);
      if (allowed && !(await requestHostAccess(connection.url))) return say(failureText('permission-denied'));
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
    edit: (connection) => setMode({ kind: 'edit', id: connection.id }),
  });

  async function testAll() {
    setFailingOnly(false);
    // The background runs it and records its progress (useTestRun): closing the popup stops nothing.
    const outcome = await call('testAll', {});
    if (!outcome.ok) say(failureText(outcome.error.code));
  }

  function saved(connection: Connection) {
    setAccessChecks((n) => n + 1);
    setMode({ kind: 'list' });
    // A saved connection is shown where the sort puts it, also when it is not failing.
    setFailingOnly(false);
    setShowId(connection.id);
    say(i18n.t('saved', [connection.name]));
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
      {lock && !lock.unlocked && !lock.hasPassphrase && <RequiredPassphraseForm />}
      {vault?.kind === 'failed' && <ErrorAlert text={failureText(vault.code)} />}
      {mode.kind !== 'list' ? (
        <ConnectionEditor
          key={mode.kind === 'edit' ? mode.id : 'new'}
          editId={mode.kind === 'edit' ? mode.id : undefined}
          editing={editing}
          connections={connections}
          policy={policy}
          layout={layout}
          onSaved={saved}
          onCancel={() => setMode({ kind: 'list' })}
        />
      ) : (
        <>
          <div class="toolbar">
            <button type="button" class="primary" ref={addButton} onClick={() => setMode({ kind: 'add' })}>
              {i18n.t('addConnection')}
            </button>
            <button type="button" disabled={runGoing || locked || total === 0} onClick={testAll}>
              {runGoing ? i18n.t('testingAll') : i18n.t('testAll')}
            </button>
            <span class="muted count">{i18n.t('countConnections', total, [String(total)])}</span>
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
          {vault?.kind === 'ok' && connections.length === 0 && <p class="muted">{i18n.t('emptyList')}</p>}
          <ConnectionList
            connections={connections}
            results={results}
            stateOf={stateOf}
            actions={actions}
            showId={showId}
            failingOnly={failingOnly}
            onFailingOnly={setFailingOnly}
            locked={locked}
            sameName={sameName}
            loading={loading}
            total={partial?.total}
          />
        </>
      )}
      {toast && <Toast message={toast} onDone={clearToast} />}
      {managerSections?.({ connections, quarantine: vault?.kind === 'ok' ? vault.quarantine : [], say })}
      {layout === 'popup' && (
        <details class="settings-box" onToggle={(event) => setSettingsOpen(event.currentTarget.open)}>
          <summary>{i18n.t('settingsTitle')}</summary>
          {settingsOpen && <PopupSettings />}
        </details>
      )}
    </div>
  );
}
