import { defineConfig } from 'vitest/config';

// The policy suites write machine-wide policy files (tests/support/policy-files.mjs): they run
// alone, one file at a time, never beside the other browser suites.
export default defineConfig({
  test: {
    include: ['tests/e2e-policies/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
