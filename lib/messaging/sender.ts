/** The portal origins the capture script runs on; the only pages allowed to offer a key. */
export const PORTAL_ORIGINS: readonly string[] = ['https://www.smartrecruiters.com'];

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export type SenderKind = 'extension-page' | 'portal-content-script' | 'untrusted';

function originOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Who sent a message. Only our own pages (popup, manager, prompt) may change the vault; our
 * content script, in the top frame of a portal page, may only offer a freshly captured key.
 */
export function classifySender(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== extensionId) return 'untrusted';
  // Compared as text: the URL parser gives non-web schemes such as moz-extension: an opaque origin.
  if (sender.url?.startsWith(`${extensionOrigin}/`)) return 'extension-page';
  const origin = originOf(sender.url);
  if (sender.tab && sender.frameId === 0 && origin && PORTAL_ORIGINS.includes(origin)) return 'portal-content-script';
  return 'untrusted';
}
