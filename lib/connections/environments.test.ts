import { describe, expect, it } from 'vitest';
import { environmentOf, environmentUrl } from './environments';

describe('environments', () => {
  it('names the built-in API hosts and calls anything else custom', () => {
    expect(environmentOf('https://api.smartrecruiters.com/')).toBe('production');
    expect(environmentOf(' https://api.sandbox.smartrecruiters.com ')).toBe('sandbox');
    expect(environmentOf('https://proxy.example.com/sr')).toBe('custom');
    expect(environmentUrl('sandbox')).toBe('https://api.sandbox.smartrecruiters.com');
    expect(environmentUrl('custom')).toBeUndefined();
  });
});
