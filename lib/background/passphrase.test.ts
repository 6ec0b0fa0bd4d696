import { describe, expect, it } from 'vitest';
import { createTestBackground, storedVaultText } from './test-background';

const KEY = 'DCRA1-0123456789abcdef0123456789abcdef';
const PAGE = {};
const PORTAL = { origin: 'https://www.smartrecruiters.com' };
const input = { name: 'ServiceNow', url: 'https://api.smartrecruiters.com', key: KEY };

const storedVault = storedVaultText;

describe('the passphrase lock', () => {
  it('encrypts keys at rest, locks, refuses a wrong passphrase, unlocks', async () => {
    const { handlers } = createTestBackground();
    const added = await handlers.addConnection(input, PAGE);
    if (!added.ok) throw new Error();
    expect(await storedVault()).toContain(KEY);

    expect(await handlers.setPassphrase({ passphrase: 'short' }, PAGE)).toEqual({ ok: false, error: { code: 'passphrase-too-short' } });
    expect((await handlers.setPassphrase({ passphrase: 'correct horse' }, PAGE)).ok).toBe(true);
    const stored = await storedVault();
    expect(stored).not.toContain(KEY);
    expect(stored).toContain('ServiceNow');
    expect(await handlers.lockStatus({}, PAGE)).toEqual({ ok: true, value: { hasPassphrase: true, unlocked: true } });
    expect(await handlers.revealKey({ id: added.value.id }, PAGE)).toEqual({ ok: true, value: { key: KEY } });

    await handlers.lock({}, PAGE);
    expect(await handlers.lockStatus({}, PAGE)).toEqual({ ok: true, value: { hasPassphrase: true, unlocked: false } });
    expect(await handlers.revealKey({ id: added.value.id }, PAGE)).toEqual({ ok: false, error: { code: 'locked' } });
    expect(await handlers.testConnection({ id: added.value.id }, PAGE)).toEqual({ ok: false, error: { code: 'locked' } });
    // Names stay editable while locked; the keys are carried through sealed.
    expect((await handlers.updateConnection({ id: added.value.id, patch: { name: 'Renamed' } }, PAGE)).ok).toBe(true);
    expect(await handlers.addConnection({ ...input, name: 'Other', key: KEY.replace('0', '1') }, PAGE)).toEqual({
      ok: false,
      error: { code: 'locked' },
    });

    const before = await storedVault();
    expect(await handlers.unlock({ passphrase: 'wrong horse' }, PAGE)).toEqual({ ok: false, error: { code: 'wrong-passphrase' } });
    expect(await storedVault()).toBe(before);
    expect((await handlers.unlock({ passphrase: 'correct horse' }, PAGE)).ok).toBe(true);
    expect(await handlers.revealKey({ id: added.value.id }, PAGE)).toEqual({ ok: true, value: { key: KEY } });
  });

  it('applies a new idle time to the vault that is open now', async () => {
    const { handlers, advance } = createTestBackground();
    await handlers.setPassphrase({ passphrase: 'correct horse' }, PAGE);
    await handlers.setAutoLock({ minutes: 1 }, PAGE);
    advance(61_000);
    expect(await handlers.lockStatus({}, PAGE)).toMatchObject({ value: { unlocked: false } });
  });

  it('does not let a portal page keep the vault open', async () => {
    const { handlers, advance } = createTestBackground();
    await handlers.setAutoLock({ minutes: 5 }, PAGE);
    await handlers.setPassphrase({ passphrase: 'correct horse' }, PAGE);
    for (let i = 0; i < 6; i++) {
      advance(60_000);
      await handlers.offerCapturedKey({ key: `DCRA1-${i.toString(16).padStart(32, '0')}`, name: 'x', note: '' }, PORTAL);
    }
    expect(await handlers.lockStatus({}, PAGE)).toMatchObject({ value: { unlocked: false } });
  });

  it('keeps the vault usable when one record is sealed under an older passphrase', async () => {
    const { handlers } = createTestBackground();
    const kept = await handlers.addConnection(input, PAGE);
    const other = await handlers.addConnection({ ...input, name: 'Other', key: KEY.replace('0', '9') }, PAGE);
    if (!kept.ok || !other.ok) throw new Error();
    await handlers.setPassphrase({ passphrase: 'first passphrase' }, PAGE);
    await handlers.lock({}, PAGE);
    // Deleted while locked (its key sealed under the first passphrase), then the passphrase changes.
    const removed = await handlers.removeConnection({ id: other.value.id }, PAGE);
    if (!removed.ok) throw new Error();
    await handlers.changePassphrase({ current: 'first passphrase', next: 'second passphrase' }, PAGE);
    expect((await handlers.restoreConnection(removed.value, PAGE)).ok).toBe(true);
    expect(await handlers.revealKey({ id: kept.value.id }, PAGE)).toEqual({ ok: true, value: { key: KEY } });
    expect(await handlers.revealKey({ id: other.value.id }, PAGE)).toEqual({ ok: false, error: { code: 'locked' } });
  });

  it('locks itself after the idle time', async () => {
    const { handlers, advance } = createTestBackground();
    await handlers.setAutoLock({ minutes: 5 }, PAGE);
    await handlers.setPassphrase({ passphrase: 'correct horse' }, PAGE);
    advance(4 * 60_000);
    expect(await handlers.lockStatus({}, PAGE)).toMatchObject({ value: { unlocked: true } });
    advance(5 * 60_000 + 1);
    expect(await handlers.lockStatus({}, PAGE)).toMatchObject({ value: { unlocked: false } });
  });

  it('changes and removes the passphrase in one step, refusing a wrong current one', async () => {
    const { handlers } = createTestBackground();
    const added = await handlers.addConnection(input, PAGE);
    if (!added.ok) throw new Error();
    await handlers.setPassphrase({ passphrase: 'first passphrase' }, PAGE);
    await handlers.lock({}, PAGE);
    const sealed = await storedVault();
    expect(await handlers.changePassphrase({ current: 'nope nope', next: 'second passphrase' }, PAGE)).toEqual({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    expect(await storedVault()).toBe(sealed);
    // Changing works from a locked vault too: the current passphrase opens it.
    expect((await handlers.changePassphrase({ current: 'first passphrase', next: 'second passphrase' }, PAGE)).ok).toBe(true);
    await handlers.lock({}, PAGE);
    expect((await handlers.unlock({ passphrase: 'first passphrase' }, PAGE)).ok).toBe(false);
    expect((await handlers.unlock({ passphrase: 'second passphrase' }, PAGE)).ok).toBe(true);
    expect((await handlers.removePassphrase({ current: 'second passphrase' }, PAGE)).ok).toBe(true);
    expect(await storedVault()).toContain(KEY);
    expect(await handlers.lockStatus({}, PAGE)).toEqual({ ok: true, value: { hasPassphrase: false, unlocked: true } });
  });

  it('offers a captured key while locked and saves it once unlocked', async () => {
    const { handlers } = createTestBackground();
    await handlers.setPassphrase({ passphrase: 'correct horse' }, PAGE);
    await handlers.lock({}, PAGE);
    const offer = await handlers.offerCapturedKey({ key: KEY, name: 'Captured', note: '' }, PORTAL);
    if (!offer.ok || !offer.value) throw new Error();
    const save = { offerId: offer.value.offerId, name: 'Captured', mode: 'new' as const };
    expect(await handlers.saveOffer(save, PAGE)).toEqual({ ok: false, error: { code: 'locked' } });
    await handlers.unlock({ passphrase: 'correct horse' }, PAGE);
    expect(await handlers.saveOffer(save, PAGE)).toMatchObject({ ok: true, value: { name: 'Captured' } });
    expect(await storedVault()).not.toContain(KEY);
  });
});
