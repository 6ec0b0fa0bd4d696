import { useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { call } from '@/lib/messaging/call';
import { type VaultView, createVaultView, itemsOf } from '@/lib/vault/vault-view';

/** The background's validated copy; storage itself if the background cannot answer. */
async function fullRead(): Promise<Record<string, unknown> | 'newer'> {
  const copy = await call('readVault', {});
  if (copy.ok) return itemsOf(copy.value.connections, copy.value.quarantine);
  if (copy.error.code === 'vault-from-newer-version') return 'newer';
  return browser.storage.local.get(null);
}

/**
 * The first `count` connections by name, to draw before the whole vault arrives; the whole vault
 * when it holds no more than that. Undefined when the background cannot tell (the full read says why).
 */
async function firstScreenRead(count: number): Promise<{ items: Record<string, unknown> } | { partial: VaultView } | undefined> {
  const head = await call('readListHead', { count });
  if (!head.ok) return undefined;
  const { connections, quarantine, total, sameName } = head.value;
  if (total <= connections.length) return { items: itemsOf(connections, quarantine) };
  return { partial: { kind: 'ok', connections, quarantine, partial: { total, sameName: new Set(sameName) } } };
}

/** A vault being read and followed: one subscriber, which stops it. */
export interface VaultWatch {
  subscribe(show: (view: VaultView) => void): () => void;
}

/**
 * Reads the vault (lib/vault/vault-view.ts) and follows storage's changes from this moment on:
 * the listener is in place before anything is asked, so no change can fall between a read's
 * answer and the following. Changes that land before the whole vault is read are newer than it,
 * and are applied after it. With `firstScreenRows`, a long list's first connections by name are
 * shown first, marked partial, and the rest is asked for once the page is idle: a long list's first
 * screen then costs what a short list's does. The popup starts it before it renders anything.
 */
export function watchVault(firstScreenRows = 0): VaultWatch {
  const vault = createVaultView();
  let early: Array<Record<string, unknown>> | undefined = [];
  let latest: VaultView | undefined;
  let show: ((view: VaultView) => void) | undefined;
  let stopped = false;
  const publish = (view: VaultView) => {
    latest = view;
    show?.(view);
  };
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    const values = Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, change.newValue]));
    if (early) return void early.push(values);
    vault.apply(values);
    publish(vault.view());
  };
  browser.storage.onChanged.addListener(listener);
  const settle = (items: Record<string, unknown> | 'newer') => {
    if (stopped) return;
    if (items === 'newer') return publish({ kind: 'newer' });
    vault.apply(items);
    for (const values of early ?? []) vault.apply(values);
    early = undefined;
    publish(vault.view());
  };
  const readAll = () => void fullRead().then(settle);
  if (firstScreenRows > 0) {
    void firstScreenRead(firstScreenRows).then((first) => {
      if (stopped) return;
      if (!first) return readAll();
      if ('items' in first) return settle(first.items);
      publish(first.partial);
      // Asked once that screen is drawn and the page is idle: the rest's answer would hold up the
      // drawing, and a click on the first screen (a popup opened to test one connection) would
      // wait behind it.
      requestIdleCallback(readAll, { timeout: 200 });
    });
  } else readAll();
  return {
    subscribe(next) {
      show = next;
      if (latest) next(latest);
      return () => {
        stopped = true;
        show = undefined;
        browser.storage.onChanged.removeListener(listener);
      };
    },
  };
}

/** The vault as the pages show it, kept current; undefined until first read. */
export function useVaultView(started?: VaultWatch): VaultView | undefined {
  const [view, setView] = useState<VaultView>();
  // A layout effect runs as soon as the first render is committed, before the first paint.
  useLayoutEffect(() => (started ?? watchVault()).subscribe(setView), []);
  return view;
}
