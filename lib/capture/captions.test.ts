// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { accessibleName, labelledByText, normalizeCaption } from './captions';

afterEach(() => {
  document.body.innerHTML = '';
});

const first = () => document.body.firstElementChild!;

describe('normalizeCaption', () => {
  it('lowercases and collapses whitespace', () => {
    expect(normalizeCaption('  NEW\n   Credential\t')).toBe('new credential');
  });
});

describe('accessibleName', () => {
  it('prefers aria-label, then aria-labelledby, over the text', () => {
    document.body.innerHTML = '<button aria-label="Generate">Go</button>';
    expect(accessibleName(first())).toBe('generate');
    document.body.innerHTML = '<button aria-labelledby="a b">x</button><span id="a">Generate</span><span id="b">key</span>';
    expect(accessibleName(first())).toBe('generate key');
  });

  it('names an input button by its value', () => {
    document.body.innerHTML = '<input type="submit" value=" Generate ">';
    expect(accessibleName(first())).toBe('generate');
  });

  it('resolves aria-labelledby inside a shadow root', () => {
    const shadow = document.body.appendChild(document.createElement('div')).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<span id="t">Credentials</span><div role="tab" aria-labelledby="t"></div>';
    expect(labelledByText(shadow.querySelector('[role="tab"]')!)).toBe('Credentials');
  });

  it('gives nothing for a container with a long text', () => {
    document.body.innerHTML = `<div role="button">${'Generate '.repeat(20)}</div>`;
    expect(accessibleName(first())).toBe('');
  });
});
