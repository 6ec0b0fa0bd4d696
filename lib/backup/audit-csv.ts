import { type Connection, DEFAULT_API_URL, type TestCategory } from '../connections/schema';

/** Where a connection's URL points: SmartRecruiters' production API, its sandbox, or another host (a proxy). */
export type Environment = 'production' | 'sandbox' | 'custom';

const SANDBOX_ORIGIN = 'https://api.sandbox.smartrecruiters.com';

export function environmentOf(url: string): Environment {
  const origin = new URL(url).origin;
  return origin === DEFAULT_API_URL ? 'production' : origin === SANDBOX_ORIGIN ? 'sandbox' : 'custom';
}

/**
 * One CSV cell. A spreadsheet runs a cell that starts with =, +, - or @ (or a tab or carriage
 * return, which some strip first) as a formula: such a cell gets a leading apostrophe, which
 * spreadsheets show as text. Every cell is quoted, so commas, quotes and line breaks stay inside.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export interface AuditLabels {
  header: readonly [name: string, url: string, environment: string, note: string, verdict: string, testedAt: string];
  environment(environment: Environment): string;
  verdict(category: TestCategory): string;
  /** The verdict of a connection never tested. */
  untested: string;
}

/** An audit list of connections without their keys: name, URL, environment, note, last verdict and its date (ISO 8601, UTC). */
export function auditCsv(connections: readonly Connection[], labels: AuditLabels): string {
  const rows = connections.map((c) => [
    c.name,
    c.url,
    labels.environment(environmentOf(c.url)),
    c.note,
    c.lastTest ? labels.verdict(c.lastTest.category) : labels.untested,
    c.lastTest ? new Date(c.lastTest.at).toISOString() : '',
  ]);
  return [labels.header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const auditFileName = (at: Date) => `smartrecruiters-connections-audit-${at.toISOString().slice(0, 10)}.csv`;
