import { type EnvironmentId, environmentOf } from '../connections/environments';
import type { Connection, TestCategory, TestResult } from '../connections/schema';


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
  environment(environment: EnvironmentId): string;
  verdict(category: TestCategory): string;
  /** The verdict of a connection never tested. */
  untested: string;
}

/** An audit list of connections without their keys: name, URL, environment, note, last verdict and its date (ISO 8601, UTC). */
export function auditCsv(
  connections: readonly Connection[],
  /** Each connection's last test result, by id (results live apart from the vault). */
  lastResults: Readonly<Record<string, Pick<TestResult, 'category' | 'at'> | undefined>>,
  labels: AuditLabels,
): string {
  const rows = connections.map((c) => [
    c.name,
    c.url,
    labels.environment(environmentOf(c.url)),
    c.note,
    lastResults[c.id] ? labels.verdict(lastResults[c.id]!.category) : labels.untested,
    lastResults[c.id] ? new Date(lastResults[c.id]!.at).toISOString() : '',
  ]);
  return [labels.header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const auditFileName = (at: Date) => `smartrecruiters-connections-audit-${at.toISOString().slice(0, 10)}.csv`;
