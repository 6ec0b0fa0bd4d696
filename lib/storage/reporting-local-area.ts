import { browser } from 'wxt/browser';
import type { ReportingArea } from './storage-area';

/** storage.local as a reporting area: its own change events, for the keys `concerns` picks. */
export function reportingLocalArea(concerns: (key: string) => boolean): ReportingArea {
  const local = browser.storage.local;
  return {
    get: (keys) => local.get(keys),
    set: (items) => local.set(items),
    remove: (keys) => local.remove(keys),
    onChanged(listener) {
      browser.storage.onChanged.addListener((changes, area) => {
        const mine = area === 'local' ? Object.entries(changes).filter(([key]) => concerns(key)) : [];
        if (mine.length > 0) listener(Object.fromEntries(mine));
      });
    },
  };
}
