import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { announceVaultChanges, onVaultChanges } from './vault-changes';
import { REVISION_KEY, recordKey } from './vault-layout';

const delivered = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('following the vault in Chromium: the background announces on a BroadcastChannel', () => {
  it('gives every committed write\'s new values, a removal as undefined, until stopped', async () => {
    const seen: Array<Record<string, unknown>> = [];
    const stop = onVaultChanges((values) => void seen.push(values));
    const announce = announceVaultChanges();
    announce({ [recordKey('a')]: { oldValue: undefined, newValue: { id: 'a' } }, [REVISION_KEY]: { newValue: 'r1' } });
    announce({ [recordKey('a')]: { oldValue: { id: 'a' }, newValue: undefined } });
    await delivered();
    expect(seen).toEqual([{ [recordKey('a')]: { id: 'a' }, [REVISION_KEY]: 'r1' }, { [recordKey('a')]: undefined }]);
    stop();
    announce({ [recordKey('b')]: { newValue: { id: 'b' } } });
    await delivered();
    expect(seen).toHaveLength(2);
  });
});

describe('following the vault in Firefox: storage.local\'s own events', () => {
  afterEach(() => void vi.unstubAllEnvs());

  it('gives the vault\'s keys and the revision from storage.local only, until stopped', async () => {
    fakeBrowser.reset();
    vi.stubEnv('FIREFOX', 'true');
    const seen: Array<Record<string, unknown>> = [];
    const stop = onVaultChanges((values) => void seen.push(values));
    await fakeBrowser.storage.local.set({ [recordKey('a')]: { id: 'a' }, [REVISION_KEY]: 'r1', settings: { x: 1 } });
    await fakeBrowser.storage.local.set({ 'testResults:a': { history: [] } });
    await fakeBrowser.storage.session.set({ vault: 'not this area' });
    await fakeBrowser.storage.local.remove(recordKey('a'));
    expect(seen[0]).toEqual({ [recordKey('a')]: { id: 'a' }, [REVISION_KEY]: 'r1' });
    // A removal: no new value (the fake browser says null, Firefox leaves it out; the view reads both as removed).
    expect(Object.keys(seen[1]!)).toEqual([recordKey('a')]);
    expect(seen[1]![recordKey('a')] ?? undefined).toBeUndefined();
    stop();
    await fakeBrowser.storage.local.set({ [recordKey('b')]: { id: 'b' } });
    expect(seen).toHaveLength(2);
  });
});
