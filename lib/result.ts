import type { BackupProblem } from './backup/read-backup';
import type { FieldErrors } from './connections/validate-input';

/** Why an operation was refused. Codes are stable: the UI turns each into a sentence. */
export type ErrorCode =
  | 'invalid-input'
  | 'bad-message'
  | 'forbidden-sender'
  | 'not-found'
  | 'no-previous-key'
  | 'vault-from-newer-version'
  | 'offer-expired'
  | 'permission-denied'
  | 'locked'
  | 'wrong-passphrase'
  | 'passphrase-mismatch'
  | 'no-passphrase'
  | 'has-passphrase'
  | 'passphrase-too-short'
  | 'already-saved'
  | 'form-gone'
  /** A test stopped by Cancel: nothing was stored. */
  | 'cancelled'
  // Refused by the administrator's policy (lib/policy/); the UI names the policy key.
  | 'policy-host-not-allowed'
  | 'policy-passphrase-required'
  | 'policy-passphrase-too-short'
  | 'policy-plain-export'
  | 'policy-auto-lock'
  | 'policy-clipboard'
  | BackupProblem
  | 'internal';

export interface AppError {
  code: ErrorCode;
  fields?: FieldErrors;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, fields?: FieldErrors): Outcome<never> => ({
  ok: false,
  error: fields ? { code, fields } : { code },
});
