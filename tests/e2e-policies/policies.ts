/** The policy both browsers' suites start with: one value the extension cannot use, the rest good. */
export const SUPPORT_MESSAGE = 'Questions? Contact IT at it@example.com';

export const POLICY_WITH_A_BAD_VALUE = {
  requirePassphrase: true,
  minPassphraseLength: 12,
  allowedApiHosts: ['api.smartrecruiters.com'],
  // Out of range (at most 1440): listed in the manager and ignored; the others apply.
  maxAutoLockMinutes: 100_000,
  allowPlainExport: false,
  supportMessage: SUPPORT_MESSAGE,
};
