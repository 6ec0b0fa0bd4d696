// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { Connection } from '@/lib/connections/schema';
import type { ConnectionResults } from '@/lib/results/result-schema';
import { type ItemActions, type ItemState, ConnectionItem } from './ConnectionItem';

// Each text as its key and its substitutions: what the row says, without the locale files.
vi.mock('#i18n', () => ({ i18n: { t: (key: string, ...rest: unknown[]) => [key, ...rest.flat()].join(' ') } }));

const T0 = new Date(2026, 11, 2, 10, 0, 0).getTime();
const MINUTE = 60_000;

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

const results = (at: number): ConnectionResults => ({
  last: { category: 'connected', at, status: 200, latencyMs: 120 },
  history: [],
});
const actions: ItemActions = { test: vi.fn(), edit: vi.fn(), say: vi.fn(), cancelTest: vi.fn(), grantAccess: vi.fn() };
const onToggle = vi.fn();

function draw(box: HTMLElement, connection: Connection, state: Partial<ItemState>, now: number) {
  const whole: ItemState = { stale: false, needsAccess: false, forbidden: false, ...state };
  render(
    <ul>
      <ConnectionItem connection={connection} state={whole} actions={actions} index={0} total={1} expanded={false} onToggle={onToggle} now={now} />
    </ul>,
    box,
  );
}

describe('a collapsed row', () => {
  it('is drawn again only when what it shows changes', () => {
    const box = document.createElement('div');
    const { connection, renders } = countedConnection();
    const tested = results(T0);
    draw(box, connection, { results: tested }, T0 + 5 * MINUTE + 1_000);
    expect(box.textContent).toContain('minutesAgo 5');
    const first = renders();

    // A render of the list a few seconds later, with a new state object that holds the same values.
    draw(box, connection, { results: tested }, T0 + 5 * MINUTE + 9_000);
    expect(renders()).toBe(first);

    // The minute turns: "5 min ago" would be wrong now.
    draw(box, connection, { results: tested }, T0 + 6 * MINUTE + 1_000);
    expect(box.textContent).toContain('minutesAgo 6');

    // A new result, a test starting, a host to allow: each is drawn.
    draw(box, connection, { results: results(T0 + 6 * MINUTE) }, T0 + 6 * MINUTE + 2_000);
    expect(box.textContent).toContain('justNow');
    draw(box, connection, { results: results(T0 + 6 * MINUTE), needsAccess: true }, T0 + 6 * MINUTE + 2_000);
    expect(box.textContent).toContain('api.smartrecruiters.com');
    draw(box, connection, { results: results(T0 + 6 * MINUTE), testingSince: T0 + 6 * MINUTE + 3_000 }, T0 + 6 * MINUTE + 3_000);
    expect(box.textContent).not.toContain('justNow');
  });
});
