// @ts-check
/**
 * Runs shell commands at the same time and prints each one's output whole when it ends (so two
 * suites' lines never interleave); exits non-zero if any failed. The e2e suites spend most of
 * their time waiting on their browsers, so two lanes side by side take little longer than the
 * slower one alone: what keeps CI well inside its 15 minutes.
 * Usage: node scripts/run-in-parallel.mjs "npm run a" "npm run b"
 */
import { spawn } from 'node:child_process';

const commands = process.argv.slice(2);
if (commands.length === 0) {
  console.error('usage: run-in-parallel.mjs "command" ["command" ...]');
  process.exit(2);
}

const runs = commands.map(
  (command) =>
    new Promise((resolve) => {
      const started = Date.now();
      const child = spawn(command, { shell: true, env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' } });
      /** @type {Buffer[]} */
      const output = [];
      child.stdout.on('data', (chunk) => output.push(chunk));
      child.stderr.on('data', (chunk) => output.push(chunk));
      child.on('close', (code, signal) => {
        const seconds = Math.round((Date.now() - started) / 1000);
        process.stdout.write(`\n===== ${command} (${seconds} s, ${signal ?? `exit ${code}`}) =====\n`);
        process.stdout.write(Buffer.concat(output));
        resolve(code === 0);
      });
    }),
);

const results = await Promise.all(runs);
const failed = commands.filter((_, i) => !results[i]);
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exit(1);
}
