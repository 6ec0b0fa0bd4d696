import type { TestResult } from './schema';

/**
 * Failing: tested, and anything but Connected. Limited access counts (the key cannot do all it
 * may be meant for), and so does every category added later.
 */
export const isFailing = (result: TestResult | undefined): boolean => result !== undefined && result.category !== 'connected';
