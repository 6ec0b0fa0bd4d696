// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { Connection } from '@/lib/connections/schema';
import type { ConnectionResults } from '@/lib/results/result-schema';
import { type ItemActions, type ItemState, ConnectionItem } from './ConnectionItem';

// Each text as its key and its substitutions: what the row says, without the locale files.
vi.mock('#i18n', () => ({ i18n: { t: (key: string, ...rest: unknown[]) => [key, ...rest.flat()].join(' ') } }));

/** A connection that counts how often a render reads its name. */
function countedConnection(): { connection: Connection; renders: () => number } {
  let reads = 0;
  const connection = {
    id: 'c1', url: 'https://api.smartrecruiters.com', key: { kind: 'plain', value: 'k' }, note: '', source: 'typed', createdAt: 1, updatedAt: 1,
    get name() {
      reads++;
      return 'Prod';
    },
  } as Connection;
  return { connection, renders: () => reads };
}

const results = (at: number): ConnectionResults => ({ last: { category: 'connected', at, status: 200, latencyMs: 120 }, history: [] });
const actions: ItemActions = { test: vi.fn(), edit: vi.fn(), say: vi.fn(), cancelTest: vi.fn(), grantAccess: vi.fn() };
const onToggle = vi.fn();

/** One render of the list's row, each time with new objects for what did not change (as the list gives). */
function draw(box: HTMLElement, connection: Connection, state: Partial<ItemState> & { when?: string }) {
  render(
    <ul>
      <ConnectionItem connection={connection} stale={false} needsAccess={false} forbidden={false} {...state} actions={actions} index={0} total={1} expanded={false} onToggle={onToggle} />
    </ul>,
    box,
  );
}

describe('a collapsed row', () => {
  it('is drawn again only when what it shows changes', () => {
    const box = document.createElement('div');
    const { connection, renders } = countedConnection();
    const tested = results(1_000);
    draw(box, connection, { results: tested, when: '5 min ago' });
    expect(box.textContent).toContain('5 min ago');
    const first = renders();

    // The list renders again (another row's result came, a lock state was read): this row is left alone.
    draw(box, connection, { results: tested, when: '5 min ago' });
    expect(renders()).toBe(first);

    // The minute turns; a new result; a host to allow; a test starting: each is drawn.
    draw(box, connection, { results: tested, when: '6 min ago' });
    expect(box.textContent).toContain('6 min ago');
    const fresh = results(2_000);
    draw(box, connection, { results: fresh, when: 'just now' });
    expect(box.textContent).toContain('just now');
    draw(box, connection, { results: fresh, when: 'just now', needsAccess: true });
    expect(box.textContent).toContain('api.smartrecruiters.com');
    draw(box, connection, { results: fresh, when: 'just now', testingSince: 3_000 });
    expect(box.textContent).not.toContain('just now');
  });
});
