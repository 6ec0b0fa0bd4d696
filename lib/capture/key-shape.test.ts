import { describe, expect, it } from 'vitest';
import { credentialValues, findApiKey, hasDocumentedPrefix, isPrefixedKey, keyIdentity } from './key-shape';

const HEX = 'd0b1c2a39e8f47a6b5c4d3e2f1a09b8c';

describe('findApiKey accepts', () => {
  it.each([
    ['the documented prefixed shape', `DCRA1-${HEX}`],
    ['another short prefix', `ABC-${HEX}`],
    ['a lowercase prefix', `dcra1-${HEX}`],
    ['uppercase hex', `DCRA1-${HEX.toUpperCase()}`],
    ['plain 32 hex', HEX],
    ['plain uppercase hex', HEX.toUpperCase()],
  ])('%s', (_label, key) => {
    expect(findApiKey(key)).toBe(key);
  });

  it('trims the surrounding whitespace of a whole-text key', () => {
    expect(findApiKey(`\n   DCRA1-${HEX}\t `)).toBe(`DCRA1-${HEX}`);
  });

  it.each([
    `Your API key: DCRA1-${HEX}`,
    `API key "DCRA1-${HEX}" was generated.`,
    `(DCRA1-${HEX})`,
    `Copy this key now: DCRA1-${HEX}. It will only be shown once…`,
  ])('a token in a short caption: %s', (text) => {
    expect(findApiKey(text)).toBe(`DCRA1-${HEX}`);
  });

  it('the same key twice in one caption', () => {
    expect(findApiKey(`${HEX} ${HEX}`)).toBe(HEX);
  });
});

describe('findApiKey rejects', () => {
  it.each([
    ['an empty text', ''],
    ['31 hex', HEX.slice(1)],
    ['33 hex', `${HEX}a`],
    ['a prefixed key one short', `DCRA1-${HEX.slice(1)}`],
    ['a dashed UUID', '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0'],
    ['a 64-character partner key', `${HEX}${HEX}`],
    ['a pp- partner key', `pp-${HEX}${HEX.slice(3)}`],
    ['a value masked with bullets', 'DCRA1-d0b1••••••••••••••••••••••••••••'],
    ['a value masked with stars', `DCRA1-d0b1${'*'.repeat(28)}`],
    ['a value masked with an ellipsis', 'DCRA1-d0b1…'],
    ['a value masked with x', `DCRA1-d0b1${'x'.repeat(28)}`],
    ['a mostly masked plain value', `${'x'.repeat(28)}9b8c`],
    ['32 digits', '12345678901234567890123456789012'],
    ['an all-digit prefix', `12345-${HEX}`],
    ['a too long prefix', `ABCDEFGHIJK-${HEX}`],
    ['a one-character prefix', `D-${HEX}`],
    ['a prefix with a symbol', `DC_RA-${HEX}`],
    ['hex inside a word', `job${HEX}`],
    ['hex followed by letters', `${HEX}zz`],
    ['hex in a URL', `https://www.smartrecruiters.com/jobs/${HEX}`],
    ['hex in a path', `/settings/users/${HEX}`],
    ['hex in a query', `id=${HEX}`],
    ['hex as a file name', `${HEX}.png`],
    ['non-hex letters', `DCRA1-${HEX.slice(0, 31)}g`],
  ])('%s', (_label, text) => {
    expect(findApiKey(text)).toBeNull();
  });

  it('two different key-shaped tokens (a list, not a key)', () => {
    expect(findApiKey(`${HEX} ${HEX.split('').reverse().join('')}`)).toBeNull();
  });

  it('a long paragraph with a key-shaped token', () => {
    const paragraph = `${'Job requisition details and notes '.repeat(8)} ${HEX} ${'more words here '.repeat(4)}`;
    expect(findApiKey(paragraph)).toBeNull();
  });

  it('a short text with many tokens', () => {
    const tokens = `${'a '.repeat(20)}${HEX}`;
    expect(findApiKey(tokens)).toBeNull();
  });
});



describe('keyIdentity', () => {
  it('is the same for two sightings that differ in case', () => {
    expect(keyIdentity(`DCRA1-${HEX}`)).toBe(keyIdentity(`dcra1-${HEX.toUpperCase()}`));
  });
});

describe('credentialValues', () => {
  it.each([
    ['a client id and a base62 secret', 'f3a1c2d4e5b6a7980112233445566778 Zq8XwP2kLm9Rt4Vb7Nc1Hy6Ju3Ed5Fg0Si2Ok8Pa', 2],
    ['a dashed UUID', '7c9e6679-7425-40de-944b-e07cc4c2f0a1', 1],
    ['a key with its caption', 'Your API key: "DCRA1-d0b1c2a39e8f47a6b5c4d3e2f1a09b8c".', 1],
    ['the same value twice, in two cases', 'ABCDEF0123456789ABCDEF0123456789 abcdef0123456789abcdef0123456789', 1],
  ])('counts %s', (_label, text, count) => {
    expect(credentialValues(text)).toHaveLength(count);
  });

  it.each([
    ['words', 'This key will only be shown once. Copy it now.'],
    ['a masked key', 'DCRA1-d0b1•••••••••••••'],
    ['a URL', 'https://api.smartrecruiters.com/configuration/company'],
    ['a paragraph', `${'word '.repeat(60)} a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5`],
    ['letters only', 'Administrationsbereich'],
    ['a host name with a version', 'api2.smartrecruiters.com'],
  ])('finds none in %s', (_label, text) => {
    expect(credentialValues(text)).toEqual([]);
  });
});

describe('isPrefixedKey and hasDocumentedPrefix', () => {
  it('tells a prefixed key from bare hex, and the documented prefix from others', () => {
    expect(isPrefixedKey('DCRA1-d0b1c2a39e8f47a6b5c4d3e2f1a09b8c')).toBe(true);
    expect(isPrefixedKey('d0b1c2a39e8f47a6b5c4d3e2f1a09b8c')).toBe(false);
    expect(hasDocumentedPrefix('dcra2-d0b1c2a39e8f47a6b5c4d3e2f1a09b8c')).toBe(true);
    expect(hasDocumentedPrefix('md5-d0b1c2a39e8f47a6b5c4d3e2f1a09b8c')).toBe(false);
  });
});
