import { describe, expect, it } from 'vitest';
import { dispatch } from './dispatch';
import { createTestBackground } from './test-background';

const SELF = { id: 'ext-id', origin: 'chrome-extension://ext-id' };
const POPUP = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
const PORTAL_TAB = { id: 'ext-id', url: 'https://www.smartrecruiters.com/settings/x', tab: { id: 3 }, frameId: 0 };
const PROMPT = { id: 'ext-id', url: 'chrome-extension://ext-id/prompt.html', tab: { id: 3 }, frameId: 7 };
const REVIEW = { id: 'ext-id', url: 'chrome-extension://ext-id/review.html#offer=x' };
const KEY = 'DCRA1-0123456789abcdef0123456789abcdef';
const OTHER_KEY = 'DCRA1-fedcba9876543210fedcba9876543210';
const THIRD_KEY = 'DCRA1-00112233445566778899aabbccddeeff';
const input = { name: 'A', url: 'https://api.smartrecruiters.com', key: KEY };

describe('dispatch', () => {
  it('lets our pages change the vault', async () => {
    const { handlers } = createTestBackground();
    expect((await dispatch(handlers, 'addConnection', input, POPUP, SELF)).ok).toBe(true);
  });

  it('refuses data that does not match the schema', async () => {
    const { handlers } = createTestBackground();
    for (const data of [null, 'x', { ...input, extra: 1 }, { ...input, name: 5 }, { name: 'A' }]) {
      expect(await dispatch(handlers, 'addConnection', data, POPUP, SELF)).toEqual({ ok: false, error: { code: 'bad-message' } });
    }
  });

  it('lets the content script only offer a key, from any portal frame', async () => {
    const { handlers } = createTestBackground();
    const offer = { key: KEY, name: 'A', note: '' };
    expect((await dispatch(handlers, 'offerCapturedKey', offer, PORTAL_TAB, SELF)).ok).toBe(true);
    // A same-origin subframe (the flow inside an iframe) offers too; the top frame shows the prompt.
    expect((await dispatch(handlers, 'offerCapturedKey', { ...offer, key: OTHER_KEY }, { ...PORTAL_TAB, frameId: 2 }, SELF)).ok).toBe(true);
    // An about:blank frame of the portal, known by the origin the browser gives it.
    const blank = { ...PORTAL_TAB, url: 'about:blank', origin: 'https://www.smartrecruiters.com', frameId: 3 };
    expect((await dispatch(handlers, 'offerCapturedKey', { ...offer, key: THIRD_KEY }, blank, SELF)).ok).toBe(true);
    const refused = { ok: false, error: { code: 'forbidden-sender' } };
    expect(await dispatch(handlers, 'addConnection', input, PORTAL_TAB, SELF)).toEqual(refused);
    expect(await dispatch(handlers, 'getOffer', { offerId: 'offer-1' }, PORTAL_TAB, SELF)).toEqual(refused);
    expect(
      await dispatch(handlers, 'offerCapturedKey', offer, { ...PORTAL_TAB, url: 'https://evil.example/' }, SELF),
    ).toEqual(refused);
    expect(
      await dispatch(handlers, 'offerCapturedKey', offer, { ...blank, origin: 'https://evil.example' }, SELF),
    ).toEqual(refused);
    expect(await dispatch(handlers, 'offerCapturedKey', offer, { ...PORTAL_TAB, id: 'other-ext' }, SELF)).toEqual(refused);
    expect(await dispatch(handlers, 'offerCapturedKey', offer, POPUP, SELF)).toEqual(refused);
  });

  it('lets the prompt, framed into an untrusted page, save under a new name but never replace, unlock or reveal', async () => {
    const { handlers } = createTestBackground();
    const existing = await dispatch(handlers, 'addConnection', input, POPUP, SELF);
    if (!existing.ok) throw new Error();
    const id = (existing.value as { id: string }).id;
    const offered = await dispatch(handlers, 'offerCapturedKey', { key: OTHER_KEY, name: 'A', note: '' }, PORTAL_TAB, SELF);
    const { offerId } = (offered as { ok: true; value: { offerId: string } }).value;
    const refused = { ok: false, error: { code: 'forbidden-sender' } };
    expect(await dispatch(handlers, 'saveOffer', { offerId, name: 'A', mode: 'replace', replaceId: id }, PROMPT, SELF)).toEqual(refused);
    expect(await dispatch(handlers, 'unlock', { passphrase: 'x' }, PROMPT, SELF)).toEqual(refused);
    expect(await dispatch(handlers, 'revealKey', { id }, PROMPT, SELF)).toEqual(refused);
    expect(await dispatch(handlers, 'testOfferKey', { offerId }, PROMPT, SELF)).toEqual(refused);
    // Nor read the vault, whole or its first screen: neither may the content script.
    for (const sender of [PROMPT, PORTAL_TAB]) {
      expect(await dispatch(handlers, 'readVault', {}, sender, SELF)).toEqual(refused);
      expect(await dispatch(handlers, 'readListHead', { count: 5 }, sender, SELF)).toEqual(refused);
    }
    // The prompt sees the conflict (inside its frame), never the key's last characters.
    const view = await dispatch(handlers, 'getOffer', {}, PROMPT, SELF);
    expect(view).toMatchObject({ ok: true, value: { conflict: { id } } });
    expect((view as { value: object }).value).not.toHaveProperty('keyEnd');
    expect((await dispatch(handlers, 'saveOffer', { offerId, name: 'B', mode: 'new' }, PROMPT, SELF)).ok).toBe(true);
  });

  it('lets the review window replace a key', async () => {
    const { handlers } = createTestBackground();
    const existing = await dispatch(handlers, 'addConnection', input, POPUP, SELF);
    const id = (existing as { ok: true; value: { id: string } }).value.id;
    const offered = await dispatch(handlers, 'offerCapturedKey', { key: OTHER_KEY, name: 'A', note: '' }, PORTAL_TAB, SELF);
    const { offerId } = (offered as { ok: true; value: { offerId: string } }).value;
    const replaced = await dispatch(handlers, 'saveOffer', { offerId, name: 'A', mode: 'replace', replaceId: id }, REVIEW, SELF);
    expect(replaced).toMatchObject({
      ok: true,
      value: { key: { value: OTHER_KEY }, keyReplaced: { via: 'captured', origin: 'https://www.smartrecruiters.com' } },
    });
  });

  it('turns a handler crash into an error that carries no data', async () => {
    const { handlers } = createTestBackground();
    const broken = { ...handlers, addConnection: async () => Promise.reject(new Error(`boom ${KEY}`)) };
    const outcome = await dispatch(broken, 'addConnection', input, POPUP, SELF);
    expect(outcome).toEqual({ ok: false, error: { code: 'internal' } });
  });

  it('gives the prompt only offers of its own tab', async () => {
    const { handlers } = createTestBackground();
    const offered = await dispatch(handlers, 'offerCapturedKey', { key: OTHER_KEY, name: 'A', note: '' }, { ...PORTAL_TAB, tab: { id: 8 } }, SELF);
    const { offerId } = (offered as { ok: true; value: { offerId: string } }).value;
    const expired = { ok: false, error: { code: 'offer-expired' } };
    expect(await dispatch(handlers, 'getOffer', { offerId }, PROMPT, SELF)).toEqual(expired);
    expect(await dispatch(handlers, 'saveOffer', { offerId, name: 'A', mode: 'new' }, PROMPT, SELF)).toEqual(expired);
    expect((await dispatch(handlers, 'getOffer', { offerId }, { ...PROMPT, tab: { id: 8 } }, SELF)).ok).toBe(true);
  });
});
