import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type VaultView, createVaultView } from '@/lib/vault/vault-view';

/** The vault as the pages show it (lib/vault/vault-view.ts), kept current; undefined until first read. */
export function useVaultView(): VaultView | undefined {
  const [view, setView] = useState<VaultView>();
  useEffect(() => {
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
    void browser.storage.local.get(null).then((items) => {
      vault.apply(items);
      for (const values of early ?? []) vault.apply(values);
      early = undefined;
      setView(vault.view());
    });
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  return view;
}
