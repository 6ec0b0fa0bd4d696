import { describe, expect, it } from 'vitest';
import { clampText, redact } from './redact';

const KEY = 'DCRA1-0123456789abcdef0123456789abcdef';

describe('redact', () => {
  it('masks the key in any case', () => {
    expect(redact(`a ${KEY} b ${KEY.toUpperCase()}`, KEY)).toBe('a ••• b •••');
  });
  it('drops a text holding 8 or more consecutive characters of the key', () => {
    expect(redact(`partial ${KEY.slice(10, 18)}`, KEY)).toBeUndefined();
    expect(redact(`partial ${KEY.slice(10, 18).toUpperCase()}`, KEY)).toBeUndefined();
    expect(redact(`only ${KEY.slice(10, 17)} here`, KEY)).toBe(`only ${KEY.slice(10, 17)} here`);
  });
  it('keeps a text that does not echo the key', () => {
    expect(redact('Unauthorized — UNAUTHORIZED_ACCESS', KEY)).toBe('Unauthorized — UNAUTHORIZED_ACCESS');
  });
});

describe('clampText', () => {
  it('cuts with a mark, flattens control characters and drops empty text', () => {
    expect(clampText('x'.repeat(10), 5)).toBe('xxxx…');
    expect(clampText('a\nb\u0000c', 10)).toBe('a b c');
    expect(clampText('  ', 10)).toBeUndefined();
  });
});
