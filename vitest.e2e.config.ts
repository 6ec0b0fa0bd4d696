import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in real Chromium; one browser at a time keeps a
// two-core CI machine from timing out.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
