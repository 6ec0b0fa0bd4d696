import { browser } from 'wxt/browser';
import type { AreaChange, ReportingArea } from './storage-area';

/** storage.local as a reporting area: its own change events, for the keys `concerns` picks. */
export function reportingLocalArea(concerns: (key: string) => boolean): ReportingArea {
  const local = browser.storage.local;
  return {
    get: (keys) => local.get(keys),
    set: (items) => local.set(items),
    remove: (keys) => local.remove(keys),
    onChanged(listener) {
      const onChanged = (changes: Record<string, AreaChange>, area: string) => {
        const mine = area === 'local' ? Object.entries(changes).filter(([key]) => concerns(key)) : [];
        if (mine.length > 0) listener(Object.fromEntries(mine));
      };
      browser.storage.onChanged.addListener(onChanged);
      return () => browser.storage.onChanged.removeListener(onChanged);
    },
  };
}
