// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Connection } from '@/lib/connections/schema';
import { EXPORT_SHOWN_MAX, type ExportSelection, ExportChoice } from './ExportChoice';

vi.mock('#i18n', () => ({ i18n: { t: (key: string, ...rest: unknown[]) => [key, ...rest.flat()].join(' ') } }));

const connection = (i: number): Connection => ({
  id: `c${i}`,
  name: `Connection ${String(i).padStart(4, '0')}`,
  url: 'https://api.smartrecruiters.com',
  key: { kind: 'plain', value: 'k' },
  note: i === 4321 ? 'the audit one' : '',
  source: 'typed',
  createdAt: i,
  updatedAt: i,
});
// Newest first: the boxes come by name whatever order the vault is in.
const vault = Array.from({ length: 5000 }, (_, i) => connection(4999 - i));
const drawn: HTMLElement[] = [];
afterEach(() => drawn.splice(0).forEach((box) => (render(null, box), box.remove())));

function draw(selection: ExportSelection, onChange = vi.fn()) {
  // In the document: a detached checkbox fires no change event on click.
  const box = document.body.appendChild(document.createElement('div'));
  drawn.push(box);
  render(<ExportChoice connections={vault} selection={selection} tickedCount={selection.ticked.size} onChange={onChange} />, box);
  return { box, onChange, boxes: () => box.querySelectorAll('input[type="checkbox"]') };
}

describe('choosing what an export takes, in a vault of 5,000', () => {
  it('draws no box per connection while all are exported', () => {
    const { box, boxes } = draw({ all: true, ticked: new Set() });
    expect(boxes()).toHaveLength(0);
    expect(box.textContent).toContain('exportAll 5000 5000');
  });

  it('draws at most EXPORT_SHOWN_MAX boxes, by name, and says how many more match', () => {
    const { box, boxes } = draw({ all: false, ticked: new Set(['c3']) });
    expect(boxes()).toHaveLength(EXPORT_SHOWN_MAX);
    expect(box.querySelector('label:has(input[type="checkbox"])')?.textContent?.trim()).toBe('Connection 0000');
    expect((boxes()[3] as HTMLInputElement).checked).toBe(true);
    expect(box.textContent).toContain(`exportMoreMatch ${5000 - EXPORT_SHOWN_MAX}`);
  });

  it('finds a connection by its note, and ticks it', () => {
    const { box, boxes, onChange } = draw({ all: false, ticked: new Set() });
    const search = box.querySelector('input[type="search"]') as HTMLInputElement;
    act(() => {
      search.value = 'audit';
      search.dispatchEvent(new Event('input'));
    });
    expect(boxes()).toHaveLength(1);
    expect(box.textContent).not.toContain('exportMoreMatch');
    act(() => (boxes()[0] as HTMLInputElement).click());
    expect(onChange).toHaveBeenCalledWith({ all: false, ticked: new Set(['c4321']) });
  });

  it('says when nothing matches, and Enter in the search sends nothing', () => {
    const { box, boxes } = draw({ all: false, ticked: new Set() });
    const search = box.querySelector('input[type="search"]') as HTMLInputElement;
    act(() => {
      search.value = 'nowhere';
      search.dispatchEvent(new Event('input'));
    });
    expect(boxes()).toHaveLength(0);
    expect(box.textContent).toContain('noMatches');
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    search.dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(true);
  });
});
