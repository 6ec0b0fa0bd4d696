// Chromium only: the background (a service worker) has no clipboard, so it opens this offscreen
// document to clear a copied key that is still on the clipboard, then closes it.
import { browser } from 'wxt/browser';
import { clearIfHolds, commandClipboard } from '@/lib/clipboard/clear-if-holds';
import { readClearRequest } from '@/lib/clipboard/clipboard-messages';

browser.runtime.onMessage.addListener((message: unknown, sender) => {
  const request = readClearRequest(message);
  // Content scripts can message every extension page too; they carry a tab, our background does not.
  if (!request || sender.id !== browser.runtime.id || sender.tab) return undefined;
  return clearIfHolds(commandClipboard, request.hash).catch(() => false);
});
