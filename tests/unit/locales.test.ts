import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ParsedMessage, parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';

// Parsed with @wxt-dev/i18n's own reader, so the test sees the files exactly as the build does.
const LOCALES_DIR = fileURLToPath(new URL('../../locales/', import.meta.url));
const BASE = 'en.yml';
const others = readdirSync(LOCALES_DIR).filter((file) => file.endsWith('.yml') && file !== BASE);

const byKey = async (file: string) =>
  new Map((await parseMessagesFile(path.join(LOCALES_DIR, file))).map((message) => [message.key.join('.'), message]));

/** The `$n` substitutions of a message, per plural form ('' for a simple message). */
function placeholders(message: ParsedMessage): Record<string, string[]> {
  const of = (text: string) => [...new Set(text.match(/\$\d+/g) ?? [])].sort();
  if (message.type === 'plural') {
    return Object.fromEntries(Object.entries(message.plurals).map(([form, text]) => [form, of(text)]));
  }
  return { '': of(message.message) };
}

describe('locales', () => {
  it('has a translation besides English', () => {
    expect(others).toContain('de.yml');
  });

  describe.each(others)('%s', (file) => {
    it('has every key of en.yml and no other', async () => {
      const base = await byKey(BASE);
      const locale = await byKey(file);
      expect([...base.keys()].filter((key) => !locale.has(key)), 'missing keys').toEqual([]);
      expect([...locale.keys()].filter((key) => !base.has(key)), 'keys en.yml lacks').toEqual([]);
    });

    it('keeps the $n placeholders and plural forms of en.yml', async () => {
      const base = await byKey(BASE);
      const locale = await byKey(file);
      // @wxt-dev/i18n picks a plural form by exact count ('1', 'n'), not by CLDR category, so
      // the forms must match English's for every count to find its text.
      const mismatched = [...base].flatMap(([key, message]) => {
        const translated = locale.get(key);
        if (!translated) return [];
        const want = placeholders(message);
        const got = placeholders(translated);
        return JSON.stringify(want) === JSON.stringify(got) ? [] : [`${key}: en ${JSON.stringify(want)}, ${file} ${JSON.stringify(got)}`];
      });
      expect(mismatched).toEqual([]);
    });
  });

  it.each([BASE, ...others])('%s names its own language in htmlLang', async (file) => {
    const message = (await byKey(file)).get('htmlLang');
    // File names are Chrome locale codes (pt_BR); the lang attribute wants BCP 47 (pt-BR).
    expect(message?.type === 'simple' && message.message).toBe(path.basename(file, '.yml').replace('_', '-'));
  });
});
