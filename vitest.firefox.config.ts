import { defineConfig } from 'vitest/config';

// End-to-end tests of the Firefox build in Firefox ESR, one browser at a time like the Chromium
// ones (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
