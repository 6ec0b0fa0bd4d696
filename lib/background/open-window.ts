import { browser } from 'wxt/browser';

const WIDTH = 460;
const HEIGHT = 640;

/**
 * Opens an extension page in a small window of its own: browser UI that no web page can draw
 * over, with the extension's address in its title bar. Where there are no windows (Firefox for
 * Android), a tab does the same.
 */
export async function openExtensionWindow(path: string): Promise<void> {
  const url = browser.runtime.getURL(path as '/review.html');
  if (browser.windows?.create) {
    await browser.windows.create({ url, type: 'popup', width: WIDTH, height: HEIGHT, focused: true });
  } else {
    await browser.tabs.create({ url });
  }
}
