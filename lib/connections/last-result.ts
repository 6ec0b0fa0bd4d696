import type { Connection, TestResult } from './schema';

/**
 * A connection's last test result. The one place the list reads results from: when results move
 * out of the connection record into their own store, only this changes.
 */
export const lastResultOf = (connection: Connection): TestResult | undefined => connection.lastTest;

/**
 * Verdicts that say the connection works (fully or within its rights, or only for now). Every
 * other category, including one added later, counts as failing.
 */
const WORKING: ReadonlySet<string> = new Set(['connected', 'limited', 'rate-limited']);

export const isFailing = (result: TestResult | undefined): boolean => result !== undefined && !WORKING.has(result.category);
