/** The storage.local key of the settings (settings.ts), apart from its zod schema so pages that only read it stay light. */
export const SETTINGS_STORAGE_KEY = 'settings';

/**
 * The sites where the user said "Never on this site", for the pages to list. The background reads
 * settings through the full schema (settings.ts); this only keeps the strings of a list.
 */
export function neverSitesOf(raw: unknown): string[] {
  const sites = typeof raw === 'object' && raw !== null ? (raw as { neverSites?: unknown }).neverSites : undefined;
  return Array.isArray(sites) ? sites.filter((site): site is string => typeof site === 'string').slice(0, 100) : [];
}
