import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Connection } from '@/lib/connections/schema';
import type { ConnectionInput } from '@/lib/connections/validate-input';
import { call } from '@/lib/messaging/call';
import { requestHostAccess } from '@/lib/permissions/host-access';
import type { Quarantined } from '@/lib/vault/parse-vault';
import { ConnectionForm } from './ConnectionForm';
import { ConnectionList } from './ConnectionList';
import { ErrorAlert } from './ErrorAlert';
import { UnlockForm } from './UnlockForm';
import { useLockStatus } from './use-lock-status';
import type { ItemActions } from './ConnectionItem';
import { NeverSites } from './NeverSites';
import { type ToastMessage, Toast } from './Toast';
import { failureText } from './messages';
import { useVaultView } from './use-vault-view';

type Mode = { kind: 'list' } | { kind: 'add' } | { kind: 'edit'; id: string };

/** What only the full page shows (passphrase, backups, quarantine): passed in, so the popup does not carry it. */
export type ManagerSections = (props: {
  connections: Connection[];
  quarantine: Quarantined[];
  say(text: string): void;
}) => ComponentChildren;

/** The connection manager, shared by the popup and the full-page view. */
export function ConnectionsApp({ layout, managerSections }: { layout: 'popup' | 'page'; managerSections?: ManagerSections }) {
  const vault = useVaultView();
  const lock = useLockStatus();
  const welcome = layout === 'page' && new URLSearchParams(location.search).has('welcome');
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [showId, setShowId] = useState<string>();
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

  const connections = vault?.kind === 'ok' ? vault.connections : [];

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
      if (!(await requestHostAccess(connection.url))) return say(failureText('permission-denied'));
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
    const access = input.url ? requestHostAccess(input.url) : Promise.resolve(true);
    const outcome =
      mode.kind === 'edit'
        ? await call('updateConnection', { id: mode.id, patch: input })
        : await call('addConnection', input as ConnectionInput);
    if (!outcome.ok) return outcome.error;
    await access;
    setMode({ kind: 'list' });
    setShowId(outcome.value.id);
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
      {lock?.hasPassphrase && !lock.unlocked && <UnlockForm />}
      {vault?.kind === 'newer' && <ErrorAlert text={failureText('vault-from-newer-version')} />}
      {mode.kind !== 'list' ? (
        <ConnectionForm
          key={mode.kind === 'edit' ? mode.id : 'new'}
          editing={editing}
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
          {vault?.kind === 'ok' && connections.length === 0 && <p class="muted">{i18n.t('emptyList')}</p>}
          <ConnectionList
            connections={connections}
            testing={(connection) => testingAll || testing.has(connection.id)}
            actions={actions}
            showId={showId}
          />
        </>
      )}
      {toast && <Toast message={toast} onDone={clearToast} />}
      {managerSections?.({ connections, quarantine: vault?.kind === 'ok' ? vault.quarantine : [], say })}
      {layout === 'page' ? (
        <NeverSites />
      ) : (
        <details class="settings-box">
          <summary>{i18n.t('settingsTitle')}</summary>
          <NeverSites />
        </details>
      )}
    </div>
  );
}
