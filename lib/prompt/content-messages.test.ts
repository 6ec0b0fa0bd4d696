import { describe, expect, it } from 'vitest';
import { readContentMessage } from './content-messages';

describe('readContentMessage', () => {
  it('reads the two messages the background sends', () => {
    expect(readContentMessage({ type: 'focus-prompt' })).toEqual({ type: 'focus-prompt' });
    const avoid = { left: 1, top: 2, width: 3, height: 4 };
    expect(readContentMessage({ type: 'show-prompt', avoid, corner: 'bottom-left' })).toEqual({
      type: 'show-prompt',
      avoid,
      corner: 'bottom-left',
    });
  });

  it('refuses other shapes, and drops a box it cannot use', () => {
    expect(readContentMessage({ type: 'show-prompt', avoid: null, corner: 'middle' })).toBeUndefined();
    expect(readContentMessage('focus-prompt')).toBeUndefined();
    expect(readContentMessage({ type: 'show-prompt', avoid: { left: 'x' }, corner: 'top-left' })).toEqual({
      type: 'show-prompt',
      avoid: null,
      corner: 'top-left',
    });
  });
});
