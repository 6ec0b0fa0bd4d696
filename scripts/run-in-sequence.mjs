// @ts-check
/**
 * Runs shell commands one after another, each even when an earlier one failed, so that one flaky
 * suite does not hide the others' results; exits non-zero if any failed.
 * Usage: node scripts/run-in-sequence.mjs "npm run a" "npm run b"
 */
import { spawnSync } from 'node:child_process';

const commands = process.argv.slice(2);
if (commands.length === 0) {
  console.error('usage: run-in-sequence.mjs "command" ["command" ...]');
  process.exit(2);
}
const failed = commands.filter((command) => spawnSync(command, { shell: true, stdio: 'inherit' }).status !== 0);
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exit(1);
}
