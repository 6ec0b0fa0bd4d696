import { useEffect, useState } from 'preact/hooks';
import { call } from '@/lib/messaging/call';
import type { LockStatus } from '@/lib/messaging/protocol';
import { VAULT_AREA, watchBackgroundRead } from '@/lib/messaging/watch-background-read';
import { VAULT_STORAGE_KEY } from '@/lib/vault/vault-layout';
import { SESSION_KEY } from '@/lib/vault/session-storage-key';

/** Whether a passphrase is set and whether the vault is open; asked again when either may change. */
export function useLockStatus(): LockStatus | undefined {
  const [status, setStatus] = useState<LockStatus>();
  useEffect(
    () =>
      watchBackgroundRead(
        () => call('lockStatus', {}),
        (keys, area) => (area === VAULT_AREA && keys.includes(VAULT_STORAGE_KEY)) || (area === 'session' && keys.includes(SESSION_KEY)),
        setStatus,
      ),
    [],
  );
  return status;
}
