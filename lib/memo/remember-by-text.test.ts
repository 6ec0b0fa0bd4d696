import { describe, expect, it } from 'vitest';
import { rememberByText } from './remember-by-text';

describe('rememberByText', () => {
  it('computes each text once, undefined answers included', () => {
    const seen: string[] = [];
    const length = rememberByText((text) => (seen.push(text), text ? text.length : undefined));
    expect([length('abc'), length('abc'), length(''), length(''), length('de')]).toEqual([3, 3, undefined, undefined, 2]);
    expect(seen).toEqual(['abc', '', 'de']);
  });

  it('starts afresh past its bound, and keeps nothing for a call that throws', () => {
    let calls = 0;
    const upper = rememberByText((text) => {
      calls++;
      if (text === 'bad') throw new Error('no');
      return text.toUpperCase();
    }, 2);
    upper('a');
    upper('b');
    upper('c'); // the third text: the first two are forgotten
    upper('c');
    upper('a');
    expect(calls).toBe(4);
    expect(() => upper('bad')).toThrow('no');
    expect(() => upper('bad')).toThrow('no');
    expect(calls).toBe(6);
  });
});
