import { useLayoutEffect, useState } from 'preact/hooks';
import { call } from '@/lib/messaging/call';
import type { ErrorCode } from '@/lib/result';
import { RETRY_MS, askUntilAnswered } from '@/lib/messaging/watch-background-read';
import { onVaultChanges } from '@/lib/vault/vault-changes';
import { type VaultView, createVaultView, itemsOf } from '@/lib/vault/vault-view';

/**
 * The background's validated copy. A background that cannot be reached, or cannot read its
 * storage, is asked again through RETRY_MS, then the page says so. Undefined: no longer wanted.
 */
async function fullRead(wanted: () => boolean): Promise<Record<string, unknown> | ErrorCode | undefined> {
  const copy = await askUntilAnswered(() => call('readVault', {}), wanted, RETRY_MS.length + 1);
  return copy && (copy.ok ? itemsOf(copy.value.connections, copy.value.quarantine) : copy.error.code);
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
 * Reads the vault (lib/vault/vault-view.ts) and follows the background's writes from this moment on:
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
  const unfollow = onVaultChanges((values) => {
    if (early) return void early.push(values);
    vault.apply(values);
    publish(vault.view());
  });
  const settle = (items: Record<string, unknown> | ErrorCode | undefined) => {
    if (stopped || !items) return;
    if (typeof items === 'string') {
      // Nothing follows a vault that could not be read: its changes would have nothing to apply to.
      unfollow();
      return publish({ kind: 'failed', code: items });
    }
    vault.apply(items);
    for (const values of early ?? []) vault.apply(values);
    early = undefined;
    publish(vault.view());
  };
  const readAll = () => void fullRead(() => !stopped).then(settle);
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
        unfollow();
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
