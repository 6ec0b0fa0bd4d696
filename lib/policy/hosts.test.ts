import { describe, expect, it } from 'vitest';
import { hostMatches, isHostPattern, urlAllowed } from './hosts';

describe('allowedApiHosts', () => {
  it('accepts host names and *. patterns only', () => {
    for (const ok of ['api.smartrecruiters.com', '*.example.com', 'a-b.example.co.uk']) expect(isHostPattern(ok)).toBe(true);
    for (const bad of ['localhost', 'example', '*.com.', '-a.example.com', 'a_b.example.com', '*example.com', 'a.*.com', 'https://a.com', 'a.com:443', ''])
      expect(isHostPattern(bad)).toBe(false);
  });

  it('matches exact names, and subdomains of a * pattern but not the domain itself', () => {
    expect(hostMatches('API.smartrecruiters.com', 'api.smartrecruiters.com')).toBe(true);
    expect(hostMatches('api.sandbox.example.com', '*.example.com')).toBe(true);
    expect(hostMatches('example.com', '*.example.com')).toBe(false);
    expect(hostMatches('badexample.com', '*.example.com')).toBe(false);
    expect(hostMatches('api.smartrecruiters.com.evil.com', 'api.smartrecruiters.com')).toBe(false);
  });

  it('allows every URL without a list, and only listed hosts with one', () => {
    expect(urlAllowed('https://anything.example.org', undefined)).toBe(true);
    const list = ['api.smartrecruiters.com', '*.corp.example'];
    expect(urlAllowed('https://api.smartrecruiters.com/v1', list)).toBe(true);
    expect(urlAllowed('https://sr.proxy.corp.example', list)).toBe(true);
    expect(urlAllowed('https://api.sandbox.smartrecruiters.com', list)).toBe(false);
    expect(urlAllowed('not a url', list)).toBe(false);
  });
});
