import { originPattern } from './host-access';
import { SERVICENOW_HOST_PATTERN } from '../servicenow/host';

/**
 * Host grants that other features own, whoever asked for them: never removed here. (The
 * ServiceNow integration helper asks for its instances.)
 */
export const FOREIGN_HOST_GRANTS: readonly string[] = [SERVICENOW_HOST_PATTERN];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function originOf(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * The origins connections use: their URL, and the URL Undo would bring back. Read leniently from
 * raw stored records (what storage.onChanged gives), since only the strings matter and a record
 * that fails validation still counts as using its host.
 */
export function originsInUse(connections: readonly unknown[]): Set<string> {
  const origins = new Set<string>();
  for (const connection of connections) {
    if (!isRecord(connection)) continue;
    for (const origin of [originOf(connection.url), originOf(connection.previousUrl)]) if (origin) origins.add(origin);
  }
  return origins;
}

/** Whether a match pattern such as `https://*.service-now.com/*` covers this origin pattern. */
function covers(pattern: string, grant: string): boolean {
  const [scheme, rest] = pattern.split('://');
  const host = rest?.split('/')[0];
  const grantUrl = originOf(grant.replace(/\/\*$/, ''));
  if (!scheme || !host || !grantUrl) return false;
  const grantHost = new URL(grantUrl).hostname;
  if (`${scheme}:` !== new URL(grantUrl).protocol) return false;
  if (host.startsWith('*.')) return grantHost === host.slice(2) || grantHost.endsWith(host.slice(1));
  return grantHost === host;
}

/**
 * The optional grants to give back after a change of the vault: those made for a connection's
 * own host (one origin, `https://host/*`) that a connection used before the change and none uses
 * after it. The manifest's own hosts and grants other features own are never among them.
 */
export function unusedHostGrants(
  before: ReadonlySet<string>,
  after: ReadonlySet<string>,
  granted: readonly string[],
  keep: readonly string[],
): string[] {
  const released = [...before].filter((origin) => !after.has(origin)).map((origin) => originPattern(origin));
  return released.filter((grant) => granted.includes(grant) && !keep.some((pattern) => covers(pattern, grant)));
}
