import { describe, expect, it } from 'vitest';
import type { Area, TestCategory } from '../connections/schema';
import { decideVerdict } from './verdict';

const AREAS: Area[] = ['configuration', 'jobs', 'users', 'me', 'audit'];
const CATEGORY: Record<number, TestCategory> = { 200: 'connected', 401: 'invalid-key', 403: 'access-denied', 429: 'rate-limited', 503: 'server-error' };
const answers = (...statuses: Array<number | null>) =>
  statuses.map((status, i) => ({ area: AREAS[i]!, status, category: status === null ? 'timeout' : CATEGORY[status]! }));

describe('decideVerdict', () => {
  it.each([
    ['every area works', answers(200, 200, 200, 200, 200), 'connected'],
    ['an area that could not tell changes nothing', answers(200, 503, null, 200, 429), 'connected'],
    ['some areas refused', answers(401, 200, 403, 403, 401), 'limited'],
    ['every area answered 401', answers(401, 401, 401, 401, 401), 'invalid-key'],
    ['identity 401, another 403: the key is known', answers(401, 403, 401, 401, 401), 'access-denied'],
    ['identity 401, the rest unanswered: not proven dead', answers(401, null, null, null, null), 'timeout'],
    ['identity 403 and nothing works', answers(403, 403, 403, 403, 403), 'access-denied'],
    ['the identity outcome decides the rest', answers(503, 503, 503, 503, 503), 'server-error'],
    ['no answer at all', answers(null, null, null, null, null), 'timeout'],
  ] as const)('%s', (_, given, verdict) => {
    expect(decideVerdict(given)).toBe(verdict);
  });
  it('never says Invalid API key while an area works', () => {
    for (let works = 0; works < 5; works++) {
      const statuses = AREAS.map((_, i) => (i === works ? 200 : 401));
      expect(decideVerdict(answers(...statuses))).not.toBe('invalid-key');
    }
  });
});
