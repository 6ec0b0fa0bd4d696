/** The portal origins the capture script runs on; the only pages allowed to offer a key. */
export const PORTAL_ORIGINS: readonly string[] = ['https://www.smartrecruiters.com'];

export interface SenderInfo {
  id?: string;
  url?: string;
  /** The sending document's origin (Chromium); about:blank frames keep their parent's here. */
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * - `extension-page`: the popup, the manager, the review window: full access.
 * - `prompt`: the save prompt framed into the portal. It lives in a page we do not trust, so it
 *   may do what one click in it may do (save under a new name, dismiss, test) and no more:
 *   replacing a key, unlocking and revealing happen only in UI the page cannot draw over.
 * - `portal-content-script`: our content script in any portal frame: it may only offer a key.
 */
export type SenderKind = 'extension-page' | 'prompt' | 'portal-content-script' | 'untrusted';

function originOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}

/** The page origin of a content script's frame. */
export function senderOrigin(sender: SenderInfo): string | undefined {
  const origin = sender.origin && sender.origin !== 'null' ? sender.origin : originOf(sender.url);
  return origin && PORTAL_ORIGINS.includes(origin) ? origin : undefined;
}

/** Who sent a message. */
export function classifySender(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== extensionId) return 'untrusted';
  // Compared as text: the URL parser gives non-web schemes such as moz-extension: an opaque origin.
  if (sender.url?.startsWith(`${extensionOrigin}/`)) {
    const path = sender.url.slice(extensionOrigin.length).replace(/[?#].*$/, '');
    return path === '/prompt.html' ? 'prompt' : 'extension-page';
  }
  if (sender.tab && typeof sender.frameId === 'number' && senderOrigin(sender)) return 'portal-content-script';
  return 'untrusted';
}
