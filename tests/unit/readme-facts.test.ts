import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

// The README's install facts follow the manifest and package.json, or a reader installs on the wrong version.
describe('README', () => {
  it('names the Firefox minimum the manifest sets', () => {
    const min = /strict_min_version: '(\d+)\.0'/.exec(read('wxt.config.ts'))?.[1];
    expect(min).toBeDefined();
    expect(read('README.md')).toContain(`**Firefox (${min}+, ESR included).**`);
    expect(read('README.md')).toContain(`\`strict_min_version\` ${min}`);
  });

  it("names the Node versions package.json's engines allow", () => {
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    expect(engines).toBe('^20.19.0 || >=22.12.0');
    expect(read('README.md')).toContain('Node.js 22.12+ or 24');
    expect(read('README.md')).toContain('Node 20.19+ works too');
  });
});
