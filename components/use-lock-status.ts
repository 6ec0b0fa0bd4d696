import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { call } from '@/lib/messaging/call';
import type { LockStatus } from '@/lib/messaging/protocol';
import { VAULT_STORAGE_KEY } from '@/lib/vault/vault-layout';
import { SESSION_KEY } from '@/lib/vault/session-storage-key';

/** Whether a passphrase is set and whether the vault is open; asked again when either may change. */
export function useLockStatus(): LockStatus | undefined {
  const [status, setStatus] = useState<LockStatus>();
  useEffect(() => {
    const ask = () => void call('lockStatus', {}).then((outcome) => outcome.ok && setStatus(outcome.value));
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if ((area === 'local' && VAULT_STORAGE_KEY in changes) || (area === 'session' && SESSION_KEY in changes)) ask();
    };
    ask();
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);
  return status;
}
