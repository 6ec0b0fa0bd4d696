import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Connection } from '@/lib/connections/schema';
import { call } from '@/lib/messaging/call';
import { fail, ok } from '@/lib/result';
import { RETRY_MS } from '@/lib/messaging/watch-background-read';
import { VAULT_VERSION } from '@/lib/vault/migrations';
import { recordKey } from '@/lib/vault/vault-layout';
import { announceVaultChanges } from '@/lib/vault/vault-changes';
import type { VaultView } from '@/lib/vault/vault-view';
import { watchVault } from './use-vault-view';

vi.mock('@/lib/messaging/call', () => ({ call: vi.fn() }));

const connection = (id: string, name: string): Connection => ({
  id, name, url: 'https://api.smartrecruiters.com', key: { kind: 'plain', value: `key-${id}` }, note: '', source: 'typed', createdAt: 1, updatedAt: 1,
});
const names = (view: VaultView | undefined) => (view?.kind === 'ok' ? view.connections.map((c) => c.name) : view?.kind);

/** Answers each message when the test says, so that storage can change while one is on its way. */
function pendingAnswers() {
  const waiting = new Map<string, (value: unknown) => void>();
  vi.mocked(call).mockImplementation(((name: string) => new Promise((resolve) => waiting.set(name, resolve))) as never);
  return {
    asked: (name: string) => waiting.has(name),
    answer(name: string, value: unknown) {
      waiting.get(name)!(ok(value));
      waiting.delete(name);
    },
  };
}
const settled = () => new Promise((resolve) => setTimeout(resolve, 20));
const announce = announceVaultChanges();
/** The background's announcement of a write (what the pages follow), once it has been delivered. */
async function written(values: Record<string, unknown>) {
  announce(Object.fromEntries(Object.entries(values).map(([key, newValue]) => [key, { newValue }])));
  await settled();
}

describe('watching the vault', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.stubGlobal('requestIdleCallback', (run: () => void) => setTimeout(run, 0));
  });

  it('keeps a change that lands while the first screen is on its way, before any page subscribed', async () => {
    const answers = pendingAnswers();
    const a = connection('a', 'Alpha');
    const watch = watchVault(25);
    expect(answers.asked('readListHead')).toBe(true);
    // Written, and announced, before the answer (which was read before the write) arrives.
    await written({ [recordKey('b')]: connection('b', 'Beta') });
    answers.answer('readListHead', { connections: [a], quarantine: [], total: 1, sameName: [] });
    const shown: VaultView[] = [];
    watch.subscribe((view) => shown.push(view));
    await vi.waitFor(() => expect(names(shown.at(-1))).toEqual(['Alpha', 'Beta']));
    // The first screen was the whole vault: nothing more is asked.
    await settled();
    expect(answers.asked('readVault')).toBe(false);
  });

  it('shows the first screen marked partial, then the whole vault, and follows changes after', async () => {
    const answers = pendingAnswers();
    const shown: VaultView[] = [];
    watchVault(1).subscribe((view) => shown.push(view));
    const [a, b] = [connection('a', 'Alpha'), connection('b', 'Beta')];
    answers.answer('readListHead', { connections: [a], quarantine: [], total: 2, sameName: ['a'] });
    await vi.waitFor(() => expect(shown.at(-1)).toMatchObject({ kind: 'ok', partial: { total: 2, sameName: new Set(['a']) } }));
    expect(names(shown.at(-1))).toEqual(['Alpha']);
    await vi.waitFor(() => expect(answers.asked('readVault')).toBe(true));
    // A change during the whole read is newer than its answer: applied after it.
    await written({ [recordKey('a')]: { ...a, name: 'Alpha renamed' } });
    answers.answer('readVault', { connections: [a, b], quarantine: [] });
    await vi.waitFor(() => expect(names(shown.at(-1))).toEqual(['Alpha renamed', 'Beta']));
    expect(shown.at(-1)).not.toHaveProperty('partial');
    await written({ [recordKey('b')]: null });
    expect(names(shown.at(-1))).toEqual(['Alpha renamed']);
  });

  it('stops following once its page unsubscribes', async () => {
    const answers = pendingAnswers();
    const shown: VaultView[] = [];
    const stop = watchVault().subscribe((view) => shown.push(view));
    answers.answer('readVault', { connections: [], quarantine: [] });
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    stop();
    await written({ vault: { version: VAULT_VERSION, quarantine: [] }, [recordKey('a')]: connection('a', 'Alpha') });
    await settled();
    expect(shown.map(names)).toEqual([[]]);
  });

  it('says why when the background refuses the vault', async () => {
    vi.mocked(call).mockResolvedValue(fail('vault-from-newer-version') as never);
    const closed = vi.spyOn(BroadcastChannel.prototype, 'close');
    const shown: VaultView[] = [];
    watchVault().subscribe((view) => shown.push(view));
    await vi.waitFor(() => expect(shown).toEqual([{ kind: 'failed', code: 'vault-from-newer-version' }]));
    // And stops following the background's announcements: nothing would apply them.
    expect(closed).toHaveBeenCalled();
  });

  it('asks a background it cannot reach again, and says so once the retries are spent', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      vi.mocked(call).mockResolvedValue(fail('internal') as never);
      const shown: VaultView[] = [];
      watchVault().subscribe((view) => shown.push(view));
      await vi.advanceTimersByTimeAsync(RETRY_MS[0] + RETRY_MS[1] + RETRY_MS[2] - 1);
      expect(shown).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(vi.mocked(call)).toHaveBeenCalledTimes(RETRY_MS.length + 1);
      expect(shown).toEqual([{ kind: 'failed', code: 'internal' }]);
    } finally {
      vi.useRealTimers();
    }
  });
});
