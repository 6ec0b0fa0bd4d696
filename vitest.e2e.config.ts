import { configDefaults, defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in real Chromium; one browser at a time per suite
// keeps a two-core CI machine from timing out.
//
// `npm test` runs two lanes side by side, one browser each at a time (package.json, test:lanes).
// The Chromium suite is the longer, so its list and tester files go last in Firefox's lane
// (E2E_PART=list), and the rest in Chromium's own (E2E_PART=rest). None of the list files relies
// on the prompt's timing guards, which is what a loaded machine breaks; unset, the whole suite runs.
const LIST_FILES = ['access-check', 'backup-audit', 'connection-list', 'test-bed'].map(
  (name) => `tests/e2e/${name}.e2e.ts`,
);
const ALL_FILES = ['tests/e2e/**/*.e2e.ts'];
const part = process.env.E2E_PART;
if (part !== undefined && part !== 'list' && part !== 'rest') throw new Error(`E2E_PART is "list", "rest" or unset, not "${part}"`);

export default defineConfig({
  test: {
    include: part === 'list' ? LIST_FILES : ALL_FILES,
    exclude: [...configDefaults.exclude, ...(part === 'rest' ? LIST_FILES : [])],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
