import { count, z } from '../schema/z';

/**
 * Where Test all stands, in storage.session (memory, gone with the browser): written by the
 * background as results come in, read by any page that shows the list, so a popup closed and
 * opened again finds the run where it is. A result older than `startedAt` is one the run has
 * not replaced yet (shown dimmed).
 */
export { TEST_RUN_KEY } from './test-run-key';

export const testRunSchema = z.object({
  startedAt: count(),
  total: count(),
  done: count(),
  /** When the last result came in: "Still waiting…" shows when this is long ago. */
  lastResultAt: count(),
  finishedAt: z.optional(count()),
  cancelled: z.optional(z.boolean()),
});
export type TestRun = z.infer<typeof testRunSchema>;

export function parseTestRun(raw: unknown): TestRun | undefined {
  const parsed = testRunSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
