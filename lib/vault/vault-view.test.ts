import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordKey } from './vault-layout';
import { createVaultView } from './vault-view';

const golden = JSON.parse(readFileSync(join(__dirname, '../../tests/golden/vault-v5.json'), 'utf8')) as Record<string, Record<string, unknown>>;

describe('the pages\' view of the vault', () => {
  it('shows every record of the v5 golden, oldest first', () => {
    const view = createVaultView();
    view.apply(golden);
    const shown = view.view();
    expect(shown.kind === 'ok' && shown.connections.map((c) => c.name)).toEqual(['ServiceNow production', 'Sandbox']);
  });

  it('follows changes one record at a time, and leaves out a record of the wrong shape', () => {
    const view = createVaultView();
    view.apply(golden);
    const [first, second] = Object.keys(golden).filter((k) => k.startsWith('vault.c.'));
    view.apply({ [first!]: { ...golden[first!], name: 'Renamed' }, [second!]: null });
    let shown = view.view();
    expect(shown.kind === 'ok' && shown.connections.map((c) => c.name)).toEqual(['Renamed']);
    view.apply({ [first!]: { ...golden[first!], createdAt: 'yesterday' }, [recordKey('x')]: { id: 'x' } });
    shown = view.view();
    expect(shown.kind === 'ok' && shown.connections).toEqual([]);
  });
});
