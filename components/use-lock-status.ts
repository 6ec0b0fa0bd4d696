import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { call } from '@/lib/messaging/call';
import type { LockStatus } from '@/lib/messaging/protocol';

/** Whether a passphrase is set and whether the vault is open; asked again whenever storage changes. */
export function useLockStatus(): LockStatus | undefined {
  const [status, setStatus] = useState<LockStatus>();
  useEffect(() => {
    const ask = () => void call('lockStatus', {}).then((outcome) => outcome.ok && setStatus(outcome.value));
    ask();
    browser.storage.onChanged.addListener(ask);
    return () => browser.storage.onChanged.removeListener(ask);
  }, []);
  return status;
}
