import { browser } from 'wxt/browser';
import { rememberByText } from '../memo/remember-by-text';

/**
 * The match pattern that lets the extension call every path on this URL's origin. Remembered:
 * the list asks it of every row it draws, on every render.
 */
export const originPattern = rememberByText((url: string): string => `${new URL(url).origin}/*`);

/**
 * Asked of the browser even for the default API host: Firefox lets the user withdraw a host
 * permission the manifest asked for, and the extension must then ask again rather than fail.
 */
export function hasHostAccess(url: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(url)] });
}

/**
 * Asks for the URL's host at run time; answers at once, with no prompt, where it is granted.
 * Must be called straight from a click: browsers only show the prompt during the user gesture.
 */
export function requestHostAccess(url: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(url)] }).catch(() => false);
}
