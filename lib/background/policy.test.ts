import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTINGS_STORAGE_KEY } from '../settings/settings';
import { createTestBackground } from './test-background';

const KEY = 'DCRA1-0123456789abcdef0123456789abcdef';
const OTHER_KEY = 'DCRA1-ffffffffffffffffffffffffffffffff';
const PAGE = {};
const PORTAL = { origin: 'https://www.smartrecruiters.com' };
const input = { name: 'ServiceNow', url: 'https://api.smartrecruiters.com', key: KEY };
const refused = (code: string) => ({ ok: false, error: { code } });

describe('allowedApiHosts', () => {
  it('refuses to save or test another host, and keeps (but will not test) a connection a newer policy forbids', async () => {
    const { handlers, setPolicy, calls } = createTestBackground();
    const old = await handlers.addConnection({ ...input, name: 'Old', url: 'https://api.sandbox.smartrecruiters.com' }, PAGE);
    if (!old.ok) throw new Error();
    setPolicy({ allowedApiHosts: ['api.smartrecruiters.com', '*.corp.example'] });

    expect(await handlers.addConnection({ ...input, url: 'https://api.sandbox.smartrecruiters.com' }, PAGE)).toEqual(refused('policy-host-not-allowed'));
    expect(await handlers.updateConnection({ id: old.value.id, patch: { url: 'https://evil.example.com' } }, PAGE)).toEqual(refused('policy-host-not-allowed'));
    expect((await handlers.addConnection({ ...input, url: 'https://api.smartrecruiters.com' }, PAGE)).ok).toBe(true);

    expect(await handlers.testConnection({ id: old.value.id }, PAGE)).toEqual(refused('policy-host-not-allowed'));
    expect(await handlers.testAll({}, PAGE)).toEqual({ ok: true, value: { tested: 1 } });
    expect(calls.map((c) => c.url)).toEqual(['https://api.smartrecruiters.com']);
    // Kept, and renamed freely.
    expect((await handlers.updateConnection({ id: old.value.id, patch: { name: 'Old sandbox' } }, PAGE)).ok).toBe(true);

    setPolicy({});
    expect((await handlers.testConnection({ id: old.value.id }, PAGE)).ok).toBe(true);
  });

  it('refuses to save a captured key when its environment is not allowed', async () => {
    const { handlers, setPolicy } = createTestBackground();
    setPolicy({ allowedApiHosts: ['*.corp.example'] });
    const offer = await handlers.offerCapturedKey({ key: KEY, name: 'Captured', note: '' }, PORTAL);
    if (!offer.ok || !offer.value) throw new Error();
    expect(await handlers.saveOffer({ offerId: offer.value.offerId, name: 'Captured', mode: 'new' }, PAGE)).toEqual(refused('policy-host-not-allowed'));
    expect(await handlers.testOfferKey({ offerId: offer.value.offerId }, PAGE)).toEqual(refused('policy-host-not-allowed'));
  });
});

describe('environments', () => {
  it('saves and tests a captured key with the first environment of the policy', async () => {
    const { handlers, setPolicy, calls } = createTestBackground();
    setPolicy({ environments: [{ name: 'Sandbox', url: 'https://api.sandbox.smartrecruiters.com' }, { name: 'Prod', url: 'https://api.smartrecruiters.com' }] });
    const offer = await handlers.offerCapturedKey({ key: KEY, name: 'Captured', note: '' }, PORTAL);
    if (!offer.ok || !offer.value) throw new Error();
    await handlers.testOfferKey({ offerId: offer.value.offerId }, PAGE);
    expect(calls.map((c) => c.url)).toEqual(['https://api.sandbox.smartrecruiters.com']);
    const saved = await handlers.saveOffer({ offerId: offer.value.offerId, name: 'Captured', mode: 'new' }, PAGE);
    expect(saved).toMatchObject({ ok: true, value: { url: 'https://api.sandbox.smartrecruiters.com', source: 'captured' } });
  });
});

describe('captureEnabled', () => {
  it('offers nothing when false', async () => {
    const { handlers, setPolicy } = createTestBackground();
    setPolicy({ captureEnabled: false });
    expect(await handlers.offerCapturedKey({ key: KEY, name: 'x', note: '' }, PORTAL)).toEqual({ ok: true, value: null });
    setPolicy({ captureEnabled: true });
    expect(await handlers.offerCapturedKey({ key: KEY, name: 'x', note: '' }, PORTAL)).toMatchObject({ ok: true, value: { offerId: expect.any(String) } });
  });
});

describe('requirePassphrase and minPassphraseLength', () => {
  it('stores no key until a passphrase is set, keeps the captured offer meanwhile, and never locks saved keys away', async () => {
    const { handlers, setPolicy } = createTestBackground();
    const before = await handlers.addConnection(input, PAGE);
    if (!before.ok) throw new Error();
    setPolicy({ requirePassphrase: true, minPassphraseLength: 12 });

    expect(await handlers.lockStatus({}, PAGE)).toEqual({ ok: true, value: { hasPassphrase: false, unlocked: false } });
    expect(await handlers.addConnection({ ...input, name: 'New', key: OTHER_KEY }, PAGE)).toEqual(refused('policy-passphrase-required'));
    // A key saved before the policy is still there to use.
    expect(await handlers.revealKey({ id: before.value.id }, PAGE)).toEqual({ ok: true, value: { key: KEY } });

    const offer = await handlers.offerCapturedKey({ key: OTHER_KEY, name: 'Captured', note: '' }, PORTAL);
    if (!offer.ok || !offer.value) throw new Error();
    const save = { offerId: offer.value.offerId, name: 'Captured', mode: 'new' as const };
    expect(await handlers.saveOffer(save, PAGE)).toEqual(refused('policy-passphrase-required'));

    expect(await handlers.setPassphrase({ passphrase: 'only 11 chr' }, PAGE)).toEqual(refused('policy-passphrase-too-short'));
    expect((await handlers.setPassphrase({ passphrase: 'twelve chars' }, PAGE)).ok).toBe(true);
    expect(await handlers.lockStatus({}, PAGE)).toEqual({ ok: true, value: { hasPassphrase: true, unlocked: true } });
    expect((await handlers.saveOffer(save, PAGE)).ok).toBe(true);

    expect(await handlers.removePassphrase({ current: 'twelve chars' }, PAGE)).toEqual(refused('policy-passphrase-required'));
    expect(await handlers.changePassphrase({ current: 'twelve chars', next: 'too short 1' }, PAGE)).toEqual(refused('policy-passphrase-too-short'));
    expect(await handlers.exportBackup({ mode: 'sealed', passphrase: 'eleven char' }, PAGE)).toEqual(refused('policy-passphrase-too-short'));
    expect((await handlers.exportBackup({ mode: 'sealed', passphrase: 'twelve chars' }, PAGE)).ok).toBe(true);
  });
});

describe('allowPlainExport and maxAutoLockMinutes', () => {
  it('refuses plain exports when false', async () => {
    const { handlers, setPolicy } = createTestBackground();
    await handlers.addConnection(input, PAGE);
    setPolicy({ allowPlainExport: false });
    expect(await handlers.exportBackup({ mode: 'plain', passphrase: '' }, PAGE)).toEqual(refused('policy-plain-export'));
    expect((await handlers.exportBackup({ mode: 'none', passphrase: '' }, PAGE)).ok).toBe(true);
  });

  it('caps the idle time without losing the user choice, which comes back without the policy', async () => {
    const { handlers, setPolicy, advance } = createTestBackground();
    await handlers.setAutoLock({ minutes: 60 }, PAGE);
    await handlers.setPassphrase({ passphrase: 'correct horse' }, PAGE);
    setPolicy({ maxAutoLockMinutes: 10 });
    expect(await handlers.setAutoLock({ minutes: 30 }, PAGE)).toEqual(refused('policy-auto-lock'));
    expect(((await fakeBrowser.storage.local.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY] as { autoLockMinutes: number }).autoLockMinutes).toBe(60);

    await handlers.lock({}, PAGE);
    await handlers.unlock({ passphrase: 'correct horse' }, PAGE);
    advance(11 * 60_000);
    expect(await handlers.lockStatus({}, PAGE)).toEqual({ ok: true, value: { hasPassphrase: true, unlocked: false } });

    setPolicy({});
    await handlers.unlock({ passphrase: 'correct horse' }, PAGE);
    advance(30 * 60_000);
    expect(await handlers.lockStatus({}, PAGE)).toEqual({ ok: true, value: { hasPassphrase: true, unlocked: true } });
  });
});
