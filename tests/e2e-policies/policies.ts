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

/**
 * Page script: counts prompt frames ever added to the page. The content script adds one (hidden)
 * at the Generate click, before any answer from the background: a count of 0 after Generate
 * shows the content script itself stood still, not that the background refused the offer after.
 */
export function countPromptFrames(title: string): void {
  const seen = { count: 0 };
  (window as unknown as { promptFramesSeen: typeof seen }).promptFramesSeen = seen;
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof HTMLIFrameElement && node.title === title) seen.count++;
    }
  }).observe(document, { childList: true, subtree: true });
}
export const promptFramesSeen = (): number => (window as unknown as { promptFramesSeen: { count: number } }).promptFramesSeen.count;
