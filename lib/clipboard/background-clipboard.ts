/// <reference types="chrome" />
import { browser } from 'wxt/browser';
import type { ClearClipboardRequest } from './clipboard-messages';
import { clearIfHolds, navigatorClipboard } from './clear-if-holds';
import type { ClipboardAccess } from './clipboard-watch';

const OFFSCREEN_PATH = '/offscreen.html';

/** Chromium: an offscreen document for the time it takes, since the service worker has no clipboard. */
function offscreenClipboard(offscreen: typeof chrome.offscreen): ClipboardAccess {
  return {
    async clearIfHolds(hash) {
      try {
        await offscreen.createDocument({
          url: OFFSCREEN_PATH,
          reasons: [offscreen.Reason.CLIPBOARD],
          justification: 'Clear a copied API key from the clipboard when its time is up.',
        });
      } catch {
        // One is open already (a clear still running); it answers as well.
      }
      try {
        const request: ClearClipboardRequest = { target: 'offscreen', type: 'clear-clipboard-if', hash };
        await browser.runtime.sendMessage(request);
      } finally {
        await offscreen.closeDocument().catch(() => undefined);
      }
    },
  };
}

/** Firefox's background is a page with a clipboard of its own. */
const pageClipboard: ClipboardAccess = {
  clearIfHolds: async (hash) => void (await clearIfHolds(navigatorClipboard, hash)),
};

export function backgroundClipboard(): ClipboardAccess {
  const offscreen = (globalThis as { chrome?: typeof chrome }).chrome?.offscreen;
  return offscreen ? offscreenClipboard(offscreen) : pageClipboard;
}
