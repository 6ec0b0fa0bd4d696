import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OFFER_TTL_MS } from '../capture/offers';
import { parseResults, resultKey } from '../results/result-schema';
import { REVISION_KEY, isVaultKey, recordKey } from '../vault/vault-layout';
import { TEST_RUN_KEY, parseTestRun } from './test-run';
import { createTestBackground, storedVaultText } from './test-background';

const KEY = 'DCRA1-0123456789abcdef0123456789abcdef';
const OTHER_KEY = 'DCRA1-ffffffffffffffffffffffffffffffff';
const PORTAL = { origin: 'https://www.smartrecruiters.com' };
const PAGE = {};
const input = { name: 'ServiceNow', url: 'https://api.smartrecruiters.com', key: KEY };

describe('connection tests', () => {
  it('stores the result apart from the vault, with its history', async () => {
    const { handlers } = createTestBackground({ [KEY]: { category: 'invalid-key', status: 401 } });
    const added = await handlers.addConnection(input, PAGE);
    if (!added.ok) throw new Error();
    const vaultBefore = JSON.stringify(await fakeBrowser.storage.local.get('vault'));
    const tested = await handlers.testConnection({ id: added.value.id }, PAGE);
    expect(tested).toMatchObject({ ok: true, value: { category: 'invalid-key', status: 401 } });
    expect(JSON.stringify(await fakeBrowser.storage.local.get('vault'))).toBe(vaultBefore);
    const all = await handlers.testAll({}, PAGE);
    expect(all).toEqual({ ok: true, value: { tested: 1 } });
    const stored = (await fakeBrowser.storage.local.get(resultKey(added.value.id)))[resultKey(added.value.id)];
    expect(parseResults(stored)).toMatchObject({ last: { category: 'invalid-key' }, history: [{ status: 401 }, { status: 401 }] });
  });

  it('tests all, writes results in batches and never the vault, and records its progress', async () => {
    const { handlers } = createTestBackground();
    for (let i = 0; i < 12; i++) {
      await handlers.addConnection({ ...input, name: `c${i}`, key: `DCRA1-${i.toString(16).padStart(32, '0')}` }, PAGE);
    }
    let writes = 0;
    let vaultWrites = 0;
    fakeBrowser.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local') return;
      if (Object.keys(changes).some(isVaultKey)) vaultWrites++;
      else writes++;
    });
    expect(await handlers.testAll({}, PAGE)).toEqual({ ok: true, value: { tested: 12 } });
    expect(vaultWrites).toBe(0);
    expect(writes).toBeLessThan(4);
    const run = parseTestRun((await fakeBrowser.storage.session.get(TEST_RUN_KEY))[TEST_RUN_KEY]);
    expect(run).toMatchObject({ total: 12, done: 12, finishedAt: expect.any(Number) });
    expect(run?.cancelled).toBeUndefined();
  });

  it('lets Cancel stop a hanging test, and stores nothing for it', async () => {
    const { handlers } = createTestBackground({ [OTHER_KEY]: { hang: true } });
    await handlers.addConnection(input, PAGE);
    const hanging = await handlers.addConnection({ ...input, name: 'Hangs', key: OTHER_KEY }, PAGE);
    if (!hanging.ok) throw new Error();
    const all = handlers.testAll({}, PAGE);
    // The others' results land while one hangs.
    await expect.poll(async () => parseTestRun((await fakeBrowser.storage.session.get(TEST_RUN_KEY))[TEST_RUN_KEY])?.done).toBe(1);
    await handlers.cancelTests({}, PAGE);
    expect(await all).toEqual({ ok: true, value: { tested: 1 } });
    const run = parseTestRun((await fakeBrowser.storage.session.get(TEST_RUN_KEY))[TEST_RUN_KEY]);
    expect(run).toMatchObject({ total: 2, done: 1, cancelled: true });
    expect(parseResults((await fakeBrowser.storage.local.get(resultKey(hanging.value.id)))[resultKey(hanging.value.id)])).toEqual({ history: [] });
  });

  it('tests a typed key and URL before anything is stored', async () => {
    const { handlers, calls } = createTestBackground({ [KEY]: { category: 'limited' } });
    const tested = await handlers.testDraft({ url: 'https://api.smartrecruiters.com/', key: ` ${KEY} ` }, PAGE);
    expect(tested).toMatchObject({ ok: true, value: { category: 'limited' } });
    expect(calls).toEqual([{ url: 'https://api.smartrecruiters.com', key: KEY }]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await handlers.testDraft({ url: 'http://insecure', key: KEY }, PAGE)).toMatchObject({ ok: false, error: { fields: { url: 'url-not-https' } } });
  });

  it('forgets the last result when the key changes', async () => {
    const { handlers } = createTestBackground();
    const added = await handlers.addConnection(input, PAGE);
    if (!added.ok) throw new Error();
    await handlers.testConnection({ id: added.value.id }, PAGE);
    await handlers.updateConnection({ id: added.value.id, patch: { key: OTHER_KEY } }, PAGE);
    const stored = parseResults((await fakeBrowser.storage.local.get(resultKey(added.value.id)))[resultKey(added.value.id)]);
    expect(stored.last).toBeUndefined();
    expect(stored.history).toHaveLength(1);
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

describe('hygiene', () => {
  it('watches the clipboard for a copied key for the set time, and never while locked', async () => {
    const { handlers, browserCalls } = createTestBackground();
    const added = await handlers.addConnection(input, PAGE);
    if (!added.ok) throw new Error();
    expect(await handlers.keyCopied({ id: added.value.id }, PAGE)).toEqual({ ok: true, value: null });
    expect(browserCalls.clipboardAlarm).toBe(1_000 + 60_000);
    await handlers.setClipboardClear({ seconds: 0 }, PAGE);
    await handlers.keyCopied({ id: added.value.id }, PAGE);
    expect(browserCalls.clipboardAlarm).toBeUndefined();
    await handlers.setPassphrase({ passphrase: 'long enough passphrase' }, PAGE);
    await handlers.lock({}, PAGE);
    expect(await handlers.keyCopied({ id: added.value.id }, PAGE)).toEqual({ ok: false, error: { code: 'locked' } });
  });

  it('forgets previous keys older than the retention time when it is changed', async () => {
    const { handlers, advance } = createTestBackground();
    const added = await handlers.addConnection(input, PAGE);
    if (!added.ok) throw new Error();
    await handlers.updateConnection({ id: added.value.id, patch: { key: OTHER_KEY } }, PAGE);
    const previousKey = async () =>
      (Object.values(JSON.parse(await storedVaultText()) as Record<string, { id?: string; previousKey?: unknown }>).find((r) => r.id)!).previousKey;
    advance(2 * 86_400_000);
    await handlers.setPreviousKeyDays({ days: 7 }, PAGE);
    expect(await previousKey()).toBeDefined();
    await handlers.setPreviousKeyDays({ days: 1 }, PAGE);
    expect(await previousKey()).toBeUndefined();
    expect(await handlers.swapPreviousKey({ id: added.value.id }, PAGE)).toEqual({ ok: false, error: { code: 'no-previous-key' } });
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

  it("gives the popup's first screen: the first connections by name, how many in all, and which share a name", async () => {
    const { handlers } = createTestBackground();
    for (const name of ['delta', 'Alpha', 'charlie', 'bravo', 'echo']) await handlers.addConnection({ ...input, name }, PAGE);
    // An older vault can hold a name that collides under today's rule: written as storage holds it.
    const read = await handlers.readVault({}, PAGE);
    if (!read.ok) throw new Error('read');
    const bravo = read.value.connections.find((c) => c.name === 'bravo')!;
    await fakeBrowser.storage.local.set({ [recordKey('twin')]: { ...bravo, id: 'twin', name: 'Bravo\u200B', createdAt: bravo.createdAt + 1 }, [REVISION_KEY]: 'older build' });
    const head = await handlers.readListHead({ count: 3 }, PAGE);
    if (!head.ok) throw new Error('head');
    expect(head.value.connections.map((c) => c.name)).toEqual(['Alpha', 'bravo', 'Bravo\u200B']);
    expect(head.value.total).toBe(6);
    expect(head.value.sameName.sort()).toEqual([bravo.id, 'twin'].sort());
    const whole = await handlers.readListHead({ count: 10 }, PAGE);
    expect(whole.ok && whole.value.connections.length).toBe(6);
    expect(whole.ok && whole.value.total).toBe(6);
    // As readVault gives them: keys sealed once a passphrase is set.
    await handlers.setPassphrase({ passphrase: 'correct horse' }, PAGE);
    const sealed = await handlers.readListHead({ count: 2 }, PAGE);
    expect(sealed.ok && sealed.value.connections.map((c) => c.key.kind)).toEqual(['sealed', 'sealed']);
    expect(JSON.stringify(sealed)).not.toContain(KEY);
  });
});

describe("the pages' copies of results, Test all's progress and the policy", () => {
  it('gives each connection its validated results, dropping a bad entry alone', async () => {
    const { handlers } = createTestBackground({ [KEY]: { category: 'limited', status: 200 } });
    const added = await handlers.addConnection(input, PAGE);
    if (!added.ok) throw new Error();
    await handlers.testConnection({ id: added.value.id }, PAGE);
    // A hostile or corrupt entry for another id: its own result is lost, nothing else.
    await fakeBrowser.storage.local.set({ [resultKey('other')]: { last: { category: 'pwned', at: 'soon' }, history: [['x']] } });
    const read = await handlers.readResults({ ids: [added.value.id, 'other', 'missing'] }, PAGE);
    expect(read).toMatchObject({
      ok: true,
      value: { [added.value.id]: { last: { category: 'limited' }, history: [{ category: 'limited' }] }, other: { history: [] }, missing: { history: [] } },
    });
    expect(read.ok && read.value.other?.last).toBeUndefined();
  });

  it("gives Test all's progress once there is one, and nothing for a bad record", async () => {
    const { handlers } = createTestBackground();
    expect(await handlers.readTestRun({}, PAGE)).toEqual({ ok: true, value: null });
    await handlers.addConnection(input, PAGE);
    await handlers.testAll({}, PAGE);
    expect(await handlers.readTestRun({}, PAGE)).toMatchObject({ ok: true, value: { total: 1, done: 1 } });
    await fakeBrowser.storage.session.set({ [TEST_RUN_KEY]: { total: -1 } });
    expect(await handlers.readTestRun({}, PAGE)).toEqual({ ok: true, value: null });
  });

  it('gives the policy with what was wrong in it', async () => {
    const { handlers, setPolicy } = createTestBackground();
    setPolicy({ allowedApiHosts: ['api.smartrecruiters.com'], maxAutoLockMinutes: 'soon' });
    const read = await handlers.readPolicy({}, PAGE);
    expect(read).toMatchObject({ ok: true, value: { policy: { allowedApiHosts: ['api.smartrecruiters.com'] } } });
    expect(read.ok && read.value.problems.length).toBeGreaterThan(0);
  });
});
