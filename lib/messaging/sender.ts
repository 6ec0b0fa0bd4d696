import { serviceNowHostOf } from '../servicenow/host';

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
 * - `picker`: the fill picker framed into a ServiceNow page: it may list the connections (no
 *   key) and choose one for the request of its own tab; the key goes to the form only after
 *   the user confirmed the instance in UI the page cannot draw over.
 * - `portal-content-script`: our content script in any portal frame: it may only offer a key.
 * - `servicenow-content-script`: our content script on a ServiceNow instance (only while the
 *   helper is on): it may only ask for the picker.
 */
export type SenderKind =
  | 'extension-page'
  | 'prompt'
  | 'picker'
  | 'portal-content-script'
  | 'servicenow-content-script'
  | 'untrusted';

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

/** The ServiceNow instance host of a content script's frame. */
export function senderServiceNowHost(sender: SenderInfo): string | undefined {
  const origin = sender.origin && sender.origin !== 'null' ? sender.origin : originOf(sender.url);
  return serviceNowHostOf(origin);
}

const FRAMED_KINDS: Readonly<Record<string, SenderKind>> = { '/prompt.html': 'prompt', '/picker.html': 'picker' };

/** Who sent a message. */
export function classifySender(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== extensionId) return 'untrusted';
  // Compared as text: the URL parser gives non-web schemes such as moz-extension: an opaque origin.
  if (sender.url?.startsWith(`${extensionOrigin}/`)) {
    const path = sender.url.slice(extensionOrigin.length).replace(/[?#].*$/, '');
    return FRAMED_KINDS[path] ?? 'extension-page';
  }
  if (sender.tab && typeof sender.frameId === 'number' && senderOrigin(sender)) return 'portal-content-script';
  if (sender.tab && typeof sender.frameId === 'number' && senderServiceNowHost(sender)) return 'servicenow-content-script';
  return 'untrusted';
}
