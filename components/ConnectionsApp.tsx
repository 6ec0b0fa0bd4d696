import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Connection } from '@/lib/connections/schema';
import { nameKey } from '@/lib/connections/names';
import type { ConnectionInput } from '@/lib/connections/validate-input';
import { call } from '@/lib/messaging/call';
import { requestHostAccess } from '@/lib/permissions/host-access';
import { urlAllowed } from '@/lib/policy/hosts';
import { type ParsedVault, VAULT_STORAGE_KEY, parseVault } from '@/lib/vault/parse-vault';
import { BackupSection } from './BackupSection';
import { ConnectionForm } from './ConnectionForm';
import { ErrorAlert } from './ErrorAlert';
import { SecuritySection } from './SecuritySection';
import { UnlockForm } from './UnlockForm';
import { PolicySection } from './PolicySection';
import { RequiredPassphraseForm } from './RequiredPassphraseForm';
import { usePolicy } from './use-policy';
import { useLockStatus } from './use-lock-status';
import { type ItemActions, ConnectionItem } from './ConnectionItem';
import { NeverSites } from './NeverSites';
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
  const { policy } = usePolicy();
  const welcome = layout === 'page' && new URLSearchParams(location.search).has('welcome');
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [filter, setFilter] = useState('');
  const [testing, setTesting] = useState<ReadonlySet<string>>(new Set());
  const [testingAll, setTestingAll] = useState(false);
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
  const shown = useMemo(() => {
    const needle = nameKey(filter);
    return needle ? connections.filter((c) => nameKey(c.name).includes(needle)) : connections;
  }, [connections, filter]);
  const [rendered, setRendered] = useState(FIRST_ITEMS);
  useEffect(() => {
    if (rendered >= shown.length) return;
    const timer = setTimeout(() => setRendered(rendered + MORE_ITEMS), 0);
    return () => clearTimeout(timer);
  }, [rendered, shown.length]);

  const markTesting = (id: string, on: boolean) =>
    setTesting((current) => {
      const next = new Set(current);
      if (on) next.add(id);
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
      // A host the policy forbids is not asked for: the background refuses the test and says why.
      const allowed = urlAllowed(connection.url, policy.allowedApiHosts);
      if (allowed && !(await requestHostAccess(connection.url))) return say(failureText('permission-denied'));
      markTesting(connection.id, true);
      const outcome = await call('testConnection', { id: connection.id });
      markTesting(connection.id, false);
      if (!outcome.ok) say(failureText(outcome.error.code));
    },
    async copy(connection) {
      const key = await reveal(connection);
      if (key === undefined) return;
      try {
        await navigator.clipboard.writeText(key);
        say(i18n.t('copied'));
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
  };

  async function testAll() {
    setTestingAll(true);
    const outcome = await call('testAll', {});
    setTestingAll(false);
    if (!outcome.ok) say(failureText(outcome.error.code));
  }

  async function submit(input: Partial<ConnectionInput>) {
    // Ask for a custom host while the Save click still counts as a user gesture.
    const access = input.url && urlAllowed(input.url, policy.allowedApiHosts) ? requestHostAccess(input.url) : Promise.resolve(true);
    const outcome =
      mode.kind === 'edit'
        ? await call('updateConnection', { id: mode.id, patch: input })
        : await call('addConnection', input as ConnectionInput);
    if (!outcome.ok) return outcome.error;
    await access;
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
      {lock && !lock.unlocked && (lock.hasPassphrase ? <UnlockForm /> : <RequiredPassphraseForm />)}
      {vault?.kind === 'newer' && <ErrorAlert text={failureText('vault-from-newer-version')} />}
      {mode.kind !== 'list' ? (
        <ConnectionForm
          key={mode.kind === 'edit' ? mode.id : 'new'}
          editing={editing}
          environments={policy.environments}
          onSubmit={submit}
          onCancel={() => setMode({ kind: 'list' })}
        />
      ) : (
        <>
          <div class="toolbar">
            <button type="button" class="primary" ref={addButton} onClick={() => setMode({ kind: 'add' })}>
              {i18n.t('addConnection')}
            </button>
            <button type="button" disabled={testingAll || connections.length === 0} onClick={testAll}>
              {testingAll ? i18n.t('testingAll') : i18n.t('testAll')}
            </button>
            <span class="muted count">{i18n.t('countConnections', connections.length, [String(connections.length)])}</span>
          </div>
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
                testing={testingAll || testing.has(connection.id)}
                actions={actions}
                allowedHosts={policy.allowedApiHosts}
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
        </>
      )}
      {layout === 'page' && vault?.kind === 'ok' && <QuarantineList records={vault.state.quarantine} />}
      {layout === 'page' && <PolicySection showProblems />}
      {layout === 'page' ? (
        <NeverSites />
      ) : (
        <details class="settings-box">
          <summary>{i18n.t('settingsTitle')}</summary>
          <PolicySection showProblems={false} />
          <NeverSites />
        </details>
      )}
    </div>
  );
}
