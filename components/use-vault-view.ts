import { useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { call } from '@/lib/messaging/call';
import { type VaultView, createVaultView, itemsOf } from '@/lib/vault/vault-view';

/** The background's validated copy; storage itself if the background cannot answer. */
async function firstRead(): Promise<Record<string, unknown> | 'newer'> {
  const copy = await call('readVault', {});
  if (copy.ok) return itemsOf(copy.value.connections, copy.value.quarantine);
  if (copy.error.code === 'vault-from-newer-version') return 'newer';
  return browser.storage.local.get(null);
}

/** The vault as the pages show it (lib/vault/vault-view.ts), kept current; undefined until first read. */
export function useVaultView(): VaultView | undefined {
  const [view, setView] = useState<VaultView>();
  // A layout effect runs as soon as the first render is committed, before the first paint: the
  // read overlaps the page's painting instead of following it.
  useLayoutEffect(() => {
    const vault = createVaultView();
    // Changes that land before the first read answers are newer than it: applied after it.
    let early: Array<Record<string, unknown>> | undefined = [];
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      const values = Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, change.newValue]));
      if (early) return void early.push(values);
      vault.apply(values);
      setView(vault.view());
    };
    browser.storage.onChanged.addListener(listener);
    void firstRead().then((items) => {
      if (items === 'newer') return setView({ kind: 'newer' });
      vault.apply(items);
      for (const values of early ?? []) vault.apply(values);
      early = undefined;
      setView(vault.view());
    });
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  return view;
}
