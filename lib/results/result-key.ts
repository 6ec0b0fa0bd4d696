/** Each connection's test results are stored under their own key (result-schema.ts); apart, so pages can watch them without zod. */
export const RESULT_KEY_PREFIX = 'testResults:';
export const resultKey = (connectionId: string): string => `${RESULT_KEY_PREFIX}${connectionId}`;

/** The most connections one readResults message may ask for (a page asks for more in several). */
export const RESULTS_READ_MAX = 10_000;
