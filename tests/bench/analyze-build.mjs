// @ts-check
/**
 * Builds the current sources once more with WXT's bundle analysis on, into a private folder
 * (argv[2]), so the shared .output/ is never touched. Run by composition.mjs under the build lock.
 */
import { build } from 'wxt';

const outDir = process.argv[2];
if (!outDir) throw new Error('usage: node tests/bench/analyze-build.mjs <out-dir>');
await build({
  outDir: `${outDir}/out`,
  analysis: { enabled: true, outputFile: `${outDir}/stats.html`, keepArtifacts: true },
});
