import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OFFER_TTL_MS } from '../capture/offers';
import { isVaultKey } from '../vault/vault-layout';
import { createTestBackground, storedVaultText } from './test-background';

const KEY = 'DCRA1-0123456789abcdef0123456789abcdef';
const OTHER_KEY = 'DCRA1-ffffffffffffffffffffffffffffffff';
const PORTAL = { origin: 'https://www.smartrecruiters.com' };
const PAGE = {};
const input = { name: 'ServiceNow', url: 'https://api.smartrecruiters.com', key: KEY };

describe('connection tests', () => {
  it('stores the result with the connection', async () => {
    const { handlers } = createTestBackground({ [KEY]: { category: 'invalid-key', status: 401 } });
    const added = await handlers.addConnection(input, PAGE);
    if (!added.ok) throw new Error();
    const tested = await handlers.testConnection({ id: added.value.id }, PAGE);
    expect(tested).toMatchObject({ ok: true, value: { category: 'invalid-key', status: 401 } });
    const all = await handlers.testAll({}, PAGE);
    expect(all).toEqual({ ok: true, value: { tested: 1 } });
  });

  it('tests all and stores the results in batches, not one vault write per connection', async () => {
    const { handlers } = createTestBackground();
    for (let i = 0; i < 12; i++) {
      await handlers.addConnection({ ...input, name: `c${i}`, key: `DCRA1-${i.toString(16).padStart(32, '0')}` }, PAGE);
    }
    let writes = 0;
    fakeBrowser.storage.onChanged.addListener((changes) => void (Object.keys(changes).some(isVaultKey) && writes++));
    expect(await handlers.testAll({}, PAGE)).toEqual({ ok: true, value: { tested: 12 } });
    const stored = Object.values(JSON.parse(await storedVaultText()) as Record<string, { lastTest?: unknown; id?: string }>);
    expect(stored.filter((record) => record.id).map((c) => Boolean(c.lastTest))).toEqual(Array(12).fill(true));
    expect(writes).toBeLessThan(4);
  });

  it('refuses to test a host the user has not allowed', async () => {
    const { handlers, calls } = createTestBackground();
    const added = await handlers.addConnection({ ...input, url: 'https://proxy.example.com' }, PAGE);
    if (!added.ok) throw new Error();
    expect(await handlers.testConnection({ id: added.value.id }, PAGE)).toEqual({
      ok: false,
      error: { code: 'permission-denied' },
    });
    expect((await handlers.testAll({}, PAGE)).ok).toBe(true);
    expect(calls).toEqual([]);
  });
});

describe('capture offers', () => {
  it('offers a new key, then saves it as a captured connection', async () => {
    const { handlers } = createTestBackground();
    const offer = await handlers.offerCapturedKey({ key: KEY, name: 'ServiceNow', note: 'spoke' }, PORTAL);
    if (!offer.ok || !offer.value) throw new Error();
    expect(await handlers.getOffer({ offerId: offer.value.offerId }, PAGE)).toEqual({
      ok: true,
      value: {
        offerId: offer.value.offerId,
        name: 'ServiceNow',
        note: 'spoke',
        origin: 'https://www.smartrecruiters.com',
        capturedAt: expect.any(Number),
        conflict: null,
        corner: 'top-right',
        keyEnd: `…${KEY.slice(-4)}`,
      },
    });
    const saved = await handlers.saveOffer({ offerId: offer.value.offerId, name: 'ServiceNow', mode: 'new' }, PAGE);
    expect(saved).toMatchObject({
      ok: true,
      value: { name: 'ServiceNow', source: 'captured', note: 'spoke', url: 'https://api.smartrecruiters.com' },
    });
    // Saved keys are not offered again, and the offer is used up.
    expect(await handlers.offerCapturedKey({ key: KEY, name: 'x', note: '' }, PORTAL)).toEqual({ ok: true, value: null });
    expect((await handlers.getOffer({ offerId: offer.value.offerId }, PAGE)).ok).toBe(false);
  });

  it('offers to replace the key of a same-named connection, and the rotation can be undone', async () => {
    const { handlers } = createTestBackground();
    const existing = await handlers.addConnection(input, PAGE);
    if (!existing.ok) throw new Error();
    const offer = await handlers.offerCapturedKey({ key: OTHER_KEY, name: 'servicenow', note: '' }, PORTAL);
    if (!offer.ok || !offer.value) throw new Error();
    const view = await handlers.getOffer({ offerId: offer.value.offerId }, PAGE);
    expect(view).toMatchObject({ ok: true, value: { conflict: { id: existing.value.id, name: 'ServiceNow' } } });
    // The name field may say anything by now: Replace goes to the connection the button named.
    const saved = await handlers.saveOffer(
      { offerId: offer.value.offerId, name: 'edited meanwhile', mode: 'replace', replaceId: existing.value.id },
      PAGE,
    );
    expect(saved).toMatchObject({ ok: true, value: { key: { value: OTHER_KEY }, previousKey: { value: KEY } } });
    const undone = await handlers.swapPreviousKey({ id: existing.value.id }, PAGE);
    expect(undone).toMatchObject({ ok: true, value: { key: { value: KEY } } });
  });

  it('remembers "never on this site" and can forget it', async () => {
    const { handlers } = createTestBackground();
    const offer = await handlers.offerCapturedKey({ key: KEY, name: 'a', note: '' }, PORTAL);
    if (!offer.ok || !offer.value) throw new Error();
    await handlers.dismissOffer({ offerId: offer.value.offerId, never: true }, PAGE);
    expect(await handlers.offerCapturedKey({ key: OTHER_KEY, name: 'a', note: '' }, PORTAL)).toEqual({ ok: true, value: null });
    await handlers.forgetNeverSite(PORTAL, PAGE);
    expect((await handlers.offerCapturedKey({ key: OTHER_KEY, name: 'a', note: '' }, PORTAL)).ok).toBe(true);
  });

  it('drops an unanswered key after a few minutes', async () => {
    const { handlers, advance } = createTestBackground();
    const offer = await handlers.offerCapturedKey({ key: KEY, name: 'a', note: '' }, PORTAL);
    if (!offer.ok || !offer.value) throw new Error();
    advance(OFFER_TTL_MS + 1);
    expect(await handlers.saveOffer({ offerId: offer.value.offerId, name: 'a', mode: 'new' }, PAGE)).toEqual({
      ok: false,
      error: { code: 'offer-expired' },
    });
  });

  it("gives a prompt its own tab's newest offer, and no other tab's", async () => {
    const { handlers } = createTestBackground();
    await handlers.offerCapturedKey({ key: KEY, name: 'First', note: '' }, { ...PORTAL, tabId: 7 });
    await handlers.offerCapturedKey({ key: OTHER_KEY, name: 'Elsewhere', note: '' }, { ...PORTAL, tabId: 8 });
    expect(await handlers.getOffer({}, { tabId: 7 })).toMatchObject({ ok: true, value: { name: 'First' } });
    expect(await handlers.getOffer({}, { tabId: 9 })).toEqual({ ok: false, error: { code: 'offer-expired' } });
    expect(await handlers.getOffer({}, PAGE)).toEqual({ ok: false, error: { code: 'offer-expired' } });
  });

  it('re-offering the same key reuses the pending offer', async () => {
    const { handlers } = createTestBackground();
    const first = await handlers.offerCapturedKey({ key: KEY, name: 'a', note: '' }, PORTAL);
    const second = await handlers.offerCapturedKey({ key: KEY, name: 'a', note: '' }, PORTAL);
    expect(first).toEqual(second);
  });

  it('keeps at most three offers per tab, dropping the oldest (a page showing value after value)', async () => {
    const { handlers, advance } = createTestBackground();
    const keys = Array.from({ length: 6 }, (_, i) => `DCRA1-${String(i).repeat(32)}`);
    const ids: string[] = [];
    for (const key of keys) {
      advance(10);
      const offer = await handlers.offerCapturedKey({ key, name: key, note: '' }, { ...PORTAL, tabId: 4 });
      if (!offer.ok || !offer.value) throw new Error();
      ids.push(offer.value.offerId);
    }
    const live = await Promise.all(ids.map(async (offerId) => (await handlers.getOffer({ offerId }, PAGE)).ok));
    expect(live).toEqual([false, false, false, true, true, true]);
  });

  it('wakes the background when the next offer expires, and purging removes it from storage then', async () => {
    const { handlers, browserCalls, offers, advance } = createTestBackground();
    const offer = await handlers.offerCapturedKey({ key: KEY, name: 'a', note: '' }, PORTAL);
    if (!offer.ok || !offer.value) throw new Error();
    expect(browserCalls.expiryAlarm).toBe(await offers.nextExpiry());
    advance(OFFER_TTL_MS + 1);
    await offers.purge();
    expect(await offers.nextExpiry()).toBeUndefined();
    const stored = (await fakeBrowser.storage.session.get('pendingOffers')).pendingOffers;
    expect(stored).toEqual({});
  });

  it('asks the top frame to show the prompt for a key seen in a subframe, clear of its pop-up', async () => {
    const { handlers, browserCalls } = createTestBackground();
    const shownIn = { left: 10, top: 20, width: 300, height: 200 };
    await handlers.offerCapturedKey({ key: KEY, name: 'a', note: '', shownIn }, { ...PORTAL, tabId: 5, frameId: 3 });
    await handlers.offerCapturedKey({ key: OTHER_KEY, name: 'b', note: '' }, { ...PORTAL, tabId: 5, frameId: 0 });
    expect(browserCalls.shownInTab).toEqual([{ tabId: 5, request: { avoid: shownIn, corner: 'top-right' } }]);
  });

  it('opens the review window for an offer (to replace a key, or unlock), with ids only in its address', async () => {
    const { handlers, browserCalls } = createTestBackground();
    const offer = await handlers.offerCapturedKey({ key: KEY, name: 'a', note: '' }, PORTAL);
    if (!offer.ok || !offer.value) throw new Error();
    await handlers.openOfferReview({ offerId: offer.value.offerId, replaceId: 'id-9' }, PAGE);
    expect(browserCalls.opened).toEqual([`/review.html#offer=${offer.value.offerId}&replace=id-9`]);
    expect(browserCalls.opened.join()).not.toContain(KEY.slice(6));
  });
});

describe('the pages\' copy of the vault', () => {
  it('is the vault as stored: keys sealed once a passphrase is set', async () => {
    const { handlers } = createTestBackground();
    await handlers.addConnection(input, PAGE);
    const open = await handlers.readVault({}, PAGE);
    expect(open.ok && open.value.connections.map((c) => c.key)).toEqual([{ kind: 'plain', value: KEY }]);
    await handlers.setPassphrase({ passphrase: 'correct horse' }, PAGE);
    const sealed = await handlers.readVault({}, PAGE);
    expect(sealed.ok && sealed.value.connections.map((c) => c.key.kind)).toEqual(['sealed']);
    expect(JSON.stringify(sealed)).not.toContain(KEY);
  });
});
