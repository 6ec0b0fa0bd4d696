import { useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { call } from '@/lib/messaging/call';
import { type VaultView, createVaultView, itemsOf } from '@/lib/vault/vault-view';

/** The background's validated copy; storage itself if the background cannot answer. */
async function fullRead(): Promise<Record<string, unknown> | 'newer'> {
  performance.mark('vault-ask');
  const copy = await call('readVault', {});
  performance.mark('vault-answer');
  if (copy.ok) return itemsOf(copy.value.connections, copy.value.quarantine);
  if (copy.error.code === 'vault-from-newer-version') return 'newer';
  return browser.storage.local.get(null);
}

/** What askFirstScreen gives: the whole vault's items, or its first screen only. */
export type FirstScreen = { items: Record<string, unknown> } | { partial: VaultView } | undefined;

/**
 * The first `count` connections by name, drawn before the whole vault arrives; the whole vault
 * when it holds no more than that. Undefined when the background cannot tell (the full read says
 * why). The popup asks before it renders anything, so that the question and its first render overlap.
 */
export async function askFirstScreen(count: number): Promise<FirstScreen> {
  const head = await call('readListHead', { count });
  if (!head.ok) return undefined;
  const { connections, quarantine, total, sameName } = head.value;
  if (total <= connections.length) return { items: itemsOf(connections, quarantine) };
  return { partial: { kind: 'ok', connections, quarantine, partial: { total, sameName: new Set(sameName) } } };
}

/**
 * The vault as the pages show it (lib/vault/vault-view.ts), kept current; undefined until first
 * read. With `firstScreen` (askFirstScreen), a long list's first connections are shown first,
 * marked partial, while the rest is read: its first screen then costs what a short list's does.
 */
export function useVaultView(firstScreen?: Promise<FirstScreen>): VaultView | undefined {
  const [view, setView] = useState<VaultView>();
  // A layout effect runs as soon as the first render is committed, before the first paint: the
  // read overlaps the page's painting instead of following it.
  useLayoutEffect(() => {
    const vault = createVaultView();
    // Changes that land before the whole vault is read are newer than it: applied after it.
    let early: Array<Record<string, unknown>> | undefined = [];
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      const values = Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, change.newValue]));
      if (early) return void early.push(values);
      vault.apply(values);
      setView(vault.view());
    };
    const show = (items: Record<string, unknown> | 'newer') => {
      if (items === 'newer') return setView({ kind: 'newer' });
      vault.apply(items);
      for (const values of early ?? []) vault.apply(values);
      early = undefined;
      setView(vault.view());
    };
    browser.storage.onChanged.addListener(listener);
    if (firstScreen) {
      void firstScreen.then((first) => {
        if (first && 'items' in first) return show(first.items);
        if (!first) return void fullRead().then(show);
        // Painted as it is (keys, names, sealed or not, as readVault gives them), then replaced.
        // The rest is asked for once that screen is drawn: its answer would hold up the drawing.
        setView(first.partial);
        requestAnimationFrame(() => setTimeout(() => void fullRead().then(show)));
      });
    } else void fullRead().then(show);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  return view;
}
