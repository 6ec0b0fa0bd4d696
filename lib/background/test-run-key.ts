/** Where Test all's progress is kept in storage.session (test-run.ts); apart, so pages can watch it without zod. */
export const TEST_RUN_KEY = 'testRun';
