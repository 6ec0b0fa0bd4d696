import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// npm test runs the Chromium suite as two halves side by side (CI's time budget); vitest takes
// each half's words as filters on file paths. A new file that neither half names would never run.
const root = join(__dirname, '../..');
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const filters = (script: string) => (scripts[script] ?? '').split(' -c vitest.e2e.config.ts ')[1]?.split(' ') ?? [];

describe('the Chromium e2e halves', () => {
  it('between them run every Chromium e2e file, each once', () => {
    const files = readdirSync(join(root, 'tests/e2e')).filter((f) => f.endsWith('.e2e.ts'));
    const halves = [filters('test:e2e:capture'), filters('test:e2e:manage')];
    for (const file of files) {
      const runs = halves.filter((words) => words.some((word) => file.includes(word))).length;
      expect(runs, file).toBe(1);
    }
    expect(scripts['test:chromium:all']).toContain('npm run test:e2e:capture');
    expect(scripts['test:chromium:all']).toContain('npm run test:e2e:manage');
    expect(scripts['test:browsers']).toContain('npm run test:chromium:all');
  });
});
