import { describe, expect, it } from 'vitest';
import { classifyResponse, retryAtFrom } from './classify-response';

const json = { 'content-type': 'application/json;charset=UTF-8' };
const facts = (status: number, body: string, headers: Record<string, string> = json, type = 'basic') => ({
  status,
  type,
  headers: new Headers(headers),
  body,
});
const NOW = 1_000_000;

describe('classifyResponse', () => {
  it('reads the company from a 2xx JSON body', () => {
    expect(classifyResponse(facts(200, '{"identifier":"AcmeCorp1","name":"Acme Corp"}'), NOW)).toEqual({
      category: 'connected',
      company: 'Acme Corp (AcmeCorp1)',
    });
    expect(classifyResponse(facts(200, '{"name":"Acme"}'), NOW)).toEqual({ category: 'connected', company: 'Acme' });
  });
  it('still connects when company fields have odd types', () => {
    expect(classifyResponse(facts(200, '{"name":{"x":1},"identifier":7}'), NOW)).toEqual({ category: 'connected' });
  });
  it.each([
    ['HTML', facts(200, '<html></html>', { 'content-type': 'text/html' })],
    ['JSON text without a JSON type', facts(200, '{}', { 'content-type': 'text/plain' })],
    ['a JSON array', facts(200, '[]')],
    ['broken JSON', facts(200, '{"name":')],
  ])('calls a 2xx with %s unexpected', (_, response) => {
    expect(classifyResponse(response, NOW).category).toBe('unexpected');
  });
  it('maps statuses to categories and keeps the server message', () => {
    const body = JSON.stringify({ message: 'Unauthorized', errors: [{ code: 'UNAUTHORIZED_ACCESS', message: 'Bad key' }] });
    expect(classifyResponse(facts(401, body), NOW)).toEqual({
      category: 'invalid-key',
      detail: 'Unauthorized — UNAUTHORIZED_ACCESS: Bad key',
    });
    expect(classifyResponse(facts(403, '{"errors":[{"code":"PERMISSION_DENIED"}]}'), NOW)).toEqual({
      category: 'access-denied',
      detail: 'PERMISSION_DENIED',
    });
    expect(classifyResponse(facts(503, 'oops', {}), NOW)).toEqual({ category: 'server-error' });
    expect(classifyResponse(facts(404, '{}'), NOW)).toEqual({ category: 'unexpected' });
  });
  it('reports a redirect rather than following it', () => {
    expect(classifyResponse(facts(0, '', {}, 'opaqueredirect'), NOW)).toEqual({ category: 'unexpected', redirected: true });
    expect(classifyResponse(facts(302, '', { location: 'https://evil.example/' }), NOW)).toEqual({
      category: 'unexpected',
      redirected: true,
      detail: 'https://evil.example/',
    });
  });
  it('says when to retry after a 429, and marks a time it had to guess', () => {
    expect(classifyResponse(facts(429, '', { 'retry-after': '7' }), NOW)).toEqual({
      category: 'rate-limited',
      retryAt: NOW + 7_000,
    });
    expect(classifyResponse(facts(429, '', {}), NOW)).toEqual({ category: 'rate-limited', retryAt: NOW + 1_000, retryGuessed: true });
  });
  it('reads the System role of the acting user', () => {
    expect(classifyResponse(facts(200, '{"systemRole":{"id":"EMPLOYEE","name":"Employee"}}'), NOW)).toEqual({
      category: 'connected',
      role: 'Employee',
    });
  });
});

describe('retryAtFrom', () => {
  it('reads seconds or an HTTP date, clamped to a day; nothing when the server named none', () => {
    expect(retryAtFrom(new Headers({ 'retry-after': '3' }), NOW)).toBe(NOW + 3_000);
    const date = new Date(NOW + 60_000).toUTCString();
    expect(retryAtFrom(new Headers({ 'retry-after': date }), NOW)).toBe(Date.parse(date));
    expect(retryAtFrom(new Headers({ 'retry-after': '99999999999999' }), NOW)).toBe(NOW + 24 * 3_600_000);
    expect(retryAtFrom(new Headers({ 'retry-after': 'soon' }), NOW)).toBeUndefined();
    expect(retryAtFrom(new Headers(), NOW)).toBeUndefined();
  });
});
