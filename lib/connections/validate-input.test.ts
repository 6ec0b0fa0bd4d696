import { describe, expect, it } from 'vitest';
import { normalizeKey, normalizeName, normalizeUrl, validateInput } from './validate-input';

const KEY = 'DCRA1-0123456789abcdef0123456789abcdef';

describe('normalizeName', () => {
  it('trims and folds inner whitespace', () => {
    expect(normalizeName('  ServiceNow \t prod ')).toEqual({ ok: true, value: 'ServiceNow prod' });
  });
  it('refuses empty and over-long names', () => {
    expect(normalizeName('   ')).toEqual({ ok: false, code: 'name-empty' });
    expect(normalizeName('x'.repeat(81))).toEqual({ ok: false, code: 'name-too-long' });
    expect(normalizeName('x'.repeat(80)).ok).toBe(true);
  });
});

describe('normalizeUrl', () => {
  it('drops a trailing slash and keeps a path', () => {
    expect(normalizeUrl('https://api.smartrecruiters.com/')).toEqual({ ok: true, value: 'https://api.smartrecruiters.com' });
    expect(normalizeUrl(' https://proxy.example.com/sr// ')).toEqual({ ok: true, value: 'https://proxy.example.com/sr' });
  });
  it.each([
    ['api.smartrecruiters.com', 'url-invalid'],
    ['http://api.smartrecruiters.com', 'url-not-https'],
    ['ftp://api.smartrecruiters.com', 'url-not-https'],
    ['https://user:pw@api.smartrecruiters.com', 'url-credentials'],
    ['https://user@api.smartrecruiters.com', 'url-credentials'],
    ['https://api.smartrecruiters.com/?x=1', 'url-query'],
    ['https://api.smartrecruiters.com/?', 'url-query'],
    ['https://api.smartrecruiters.com/#top', 'url-fragment'],
    ['https://api.smartrecruiters.com#', 'url-fragment'],
  ])('refuses %s', (url, code) => {
    expect(normalizeUrl(url)).toEqual({ ok: false, code });
  });
});

describe('normalizeKey', () => {
  it('trims a pasted key', () => {
    expect(normalizeKey(`\n ${KEY} \t`)).toEqual({ ok: true, value: KEY });
  });
  it.each([
    ['', 'key-empty'],
    ['DCRA1-0123456789abcdef 0123456789abcdef', 'key-whitespace'],
    ['short', 'key-length'],
    ['x'.repeat(201), 'key-length'],
    ['DCRA1-0123456789abcdef0123456789abcdé', 'key-characters'],
  ])('refuses %j', (key, code) => {
    expect(normalizeKey(key)).toEqual({ ok: false, code });
  });
});

describe('validateInput', () => {
  it('returns every field error at once', () => {
    expect(validateInput({ name: '', url: 'http://x', key: 'k' })).toEqual({
      ok: false,
      errors: { name: 'name-empty', url: 'url-not-https', key: 'key-length' },
    });
  });
  it('checks only the fields given', () => {
    expect(validateInput({ name: ' A ' })).toEqual({ ok: true, value: { name: 'A' } });
  });
  it('keeps a name that merely looks like an error code', () => {
    expect(validateInput({ name: ' name-empty ' })).toEqual({ ok: true, value: { name: 'name-empty' } });
  });
});
