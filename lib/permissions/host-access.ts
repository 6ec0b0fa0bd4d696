import { browser } from 'wxt/browser';
import { DEFAULT_API_URL } from '../connections/schema';

/** The match pattern that lets the extension call every path on this URL's origin. */
export const originPattern = (url: string): string => `${new URL(url).origin}/*`;

const isDefaultHost = (url: string) => new URL(url).origin === new URL(DEFAULT_API_URL).origin;

export function hasHostAccess(url: string): Promise<boolean> {
  return isDefaultHost(url) ? Promise.resolve(true) : browser.permissions.contains({ origins: [originPattern(url)] });
}

/**
 * Asks for a custom API host at run time. Must be called straight from a click: browsers only
 * show the permission prompt while the user gesture lasts.
 */
export function requestHostAccess(url: string): Promise<boolean> {
  return isDefaultHost(url)
    ? Promise.resolve(true)
    : browser.permissions.request({ origins: [originPattern(url)] }).catch(() => false);
}
