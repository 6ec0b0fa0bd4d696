import { MIN_PASSPHRASE_LENGTH } from '../vault/passphrase';
import type { Policy } from './policy-schema';

/** The user's own choices that a policy can bound or fix. */
export interface UserSettings {
  autoLockMinutes: number;
  /** Seconds after which a copied key leaves the clipboard; 0: never. */
  clipboardClearSeconds?: number;
}

/** A setting the UI shows with "Set by your organization", and does not let the user loosen. */
export type PolicyLockedSetting =
  | 'autoLockMinutes'
  | 'clipboardClearSeconds'
  | 'passphrase'
  | 'minPassphraseLength'
  | 'plainExport'
  | 'capture'
  | 'apiHosts'
  | 'environments';

export interface EffectiveSettings {
  autoLockMinutes: number;
  clipboardClearSeconds: number | undefined;
  requirePassphrase: boolean;
  minPassphraseLength: number;
  allowPlainExport: boolean;
  captureEnabled: boolean;
  allowedApiHosts: readonly string[] | undefined;
  locked: ReadonlySet<PolicyLockedSetting>;
}

/** The vault and export passphrases' minimum: the built-in one, or the policy's if longer. */
export const passphraseMinimum = (policy: Policy): number => Math.max(MIN_PASSPHRASE_LENGTH, policy.minPassphraseLength ?? 0);

/**
 * The user's settings with the policy as a floor: what the policy sets, the user cannot loosen.
 * The user's own values stay stored as they are, so removing the policy gives them back.
 */
export function effectiveSettings(user: UserSettings, policy: Policy): EffectiveSettings {
  const locked = new Set<PolicyLockedSetting>();
  const lock = (setting: PolicyLockedSetting, when: boolean) => when && locked.add(setting);
  lock('autoLockMinutes', policy.maxAutoLockMinutes !== undefined);
  lock('clipboardClearSeconds', policy.clipboardClearSeconds !== undefined);
  lock('passphrase', policy.requirePassphrase === true);
  lock('minPassphraseLength', (policy.minPassphraseLength ?? 0) > MIN_PASSPHRASE_LENGTH);
  lock('plainExport', policy.allowPlainExport === false);
  lock('capture', policy.captureEnabled === false);
  lock('apiHosts', policy.allowedApiHosts !== undefined);
  lock('environments', policy.environments !== undefined);
  return {
    autoLockMinutes: Math.min(user.autoLockMinutes, policy.maxAutoLockMinutes ?? Infinity),
    // Fixed, not bounded: the administrator chose this time for everyone.
    clipboardClearSeconds: policy.clipboardClearSeconds ?? user.clipboardClearSeconds,
    requirePassphrase: policy.requirePassphrase === true,
    minPassphraseLength: passphraseMinimum(policy),
    allowPlainExport: policy.allowPlainExport !== false,
    captureEnabled: policy.captureEnabled !== false,
    allowedApiHosts: policy.allowedApiHosts,
    locked,
  };
}
