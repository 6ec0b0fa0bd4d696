/**
 * `allowedApiHosts` entries: an exact host name, or `*.example.com` for its subdomains (not
 * example.com itself, as in Chrome's own URL policies). Lower-case letters, digits, hyphens.
 */
const LABEL = '(?!-)[a-z0-9-]{1,63}(?<!-)';
const HOST_PATTERN = new RegExp(`^(\\*\\.)?${LABEL}(\\.${LABEL})+$`);

export const isHostPattern = (entry: string): boolean => entry.length <= 253 && HOST_PATTERN.test(entry);

export function hostMatches(host: string, pattern: string): boolean {
  const name = host.toLowerCase();
  return pattern.startsWith('*.') ? name.endsWith(pattern.slice(1)) && name.length > pattern.length - 1 : name === pattern;
}

/** Whether a connection URL may be saved or tested; every host when the policy sets no list. */
export function urlAllowed(url: string, allowedApiHosts: readonly string[] | undefined): boolean {
  if (!allowedApiHosts) return true;
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return allowedApiHosts.some((pattern) => hostMatches(host, pattern));
}
