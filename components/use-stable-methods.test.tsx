// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { useStableMethods } from './use-stable-methods';

describe('useStableMethods', () => {
  it('gives the same functions at every render, which act with the latest render’s values', () => {
    const seen: Array<{ read(): string }> = [];
    function Holder({ value }: { value: string }) {
      seen.push(useStableMethods({ read: () => value }));
      return null;
    }
    const box = document.createElement('div');
    render(<Holder value="first" />, box);
    render(<Holder value="second" />, box);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[1]!.read).toBe(seen[0]!.read);
    expect(seen[0]!.read()).toBe('second');
  });
});
