// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { extensionShadowRootOf } from './shadow-roots';

const globals = globalThis as { chrome?: unknown };
afterEach(() => {
  delete globals.chrome;
});

describe('extensionShadowRootOf', () => {
  it('asks chrome.dom in Chromium', () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'closed' });
    globals.chrome = { dom: { openOrClosedShadowRoot: (el: Element) => (el === host ? root : null) } };
    expect(extensionShadowRootOf()(host)).toBe(root);
  });

  it('reads the element\'s openOrClosedShadowRoot in Firefox, a property there', () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'closed' });
    Object.defineProperty(host, 'openOrClosedShadowRoot', { value: root });
    expect(extensionShadowRootOf()(host)).toBe(root);
    const other = document.createElement('div');
    const otherRoot = other.attachShadow({ mode: 'closed' });
    Object.defineProperty(other, 'openOrClosedShadowRoot', { value: () => otherRoot });
    expect(extensionShadowRootOf()(other)).toBe(otherRoot);
  });

  it('falls back to the open root a page could see', () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    expect(extensionShadowRootOf()(host)).toBe(root);
  });
});
