import type { Frame, Page } from 'playwright-core';

/**
 * What is wrong with a page's layout, one line per fault, as a reader would notice it: the page
 * scrolls sideways; the header, a button or a row's name breaks onto a second line; an endpoint
 * breaks inside a word (anywhere but after a slash or a space).
 */
export function layoutFaults(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => {
    const faults: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) faults.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth} px`);
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    /** The tops of the lines an element's text takes. */
    const lineTops = (el: Element) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops: number[] = [];
      for (const rect of range.getClientRects()) {
        if (rect.width > 0 && !tops.some((top) => Math.abs(top - rect.top) < rect.height / 2)) tops.push(rect.top);
      }
      return tops;
    };
    const label = (el: Element) => `"${(el.textContent ?? '').trim().slice(0, 40)}"`;
    for (const el of document.querySelectorAll('.bar h1, .bar button, button, .row-toggle, .env, .row-status')) {
      if (visible(el) && lineTops(el).length > 1) faults.push(`wraps: ${el.tagName.toLowerCase()}.${el.className || ''} ${label(el)}`);
    }
    for (const el of document.querySelectorAll('.bar, .toolbar, .list-controls, .row-head, .actions')) {
      if (visible(el) && el.scrollWidth > el.clientWidth + 1) faults.push(`overflows: .${el.className} ${label(el)}`);
    }
    for (const code of document.querySelectorAll('.result-endpoint code')) {
      const text = code.textContent ?? '';
      const range = document.createRange();
      let previousTop: number | undefined;
      let offset = 0;
      const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < (node.textContent ?? '').length; i++, offset++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const top = range.getBoundingClientRect().top;
          if (previousTop !== undefined && top > previousTop + 2 && !/[/ ]/.test(text[offset - 1] ?? '')) {
            faults.push(`endpoint breaks mid-word: "${text.slice(Math.max(0, offset - 8), offset)}" | "${text.slice(offset, offset + 8)}"`);
          }
          previousTop = top;
        }
      }
    }
    return faults;
  });
}
