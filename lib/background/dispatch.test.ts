import { describe, expect, it } from 'vitest';
import { dispatch } from './dispatch';
import { createTestBackground } from './test-background';

const SELF = { id: 'ext-id', origin: 'chrome-extension://ext-id' };
const POPUP = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
const PORTAL_TAB = { id: 'ext-id', url: 'https://www.smartrecruiters.com/settings/x', tab: { id: 3 }, frameId: 0 };
const KEY = 'DCRA1-0123456789abcdef0123456789abcdef';
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

  it('lets the content script only offer a key, and only from a portal top frame', async () => {
    const { handlers } = createTestBackground();
    const offer = { key: KEY, name: 'A', note: '' };
    expect((await dispatch(handlers, 'offerCapturedKey', offer, PORTAL_TAB, SELF)).ok).toBe(true);
    const refused = { ok: false, error: { code: 'forbidden-sender' } };
    expect(await dispatch(handlers, 'addConnection', input, PORTAL_TAB, SELF)).toEqual(refused);
    expect(await dispatch(handlers, 'getOffer', { offerId: 'offer-1' }, PORTAL_TAB, SELF)).toEqual(refused);
    expect(await dispatch(handlers, 'offerCapturedKey', offer, { ...PORTAL_TAB, frameId: 2 }, SELF)).toEqual(refused);
    expect(
      await dispatch(handlers, 'offerCapturedKey', offer, { ...PORTAL_TAB, url: 'https://evil.example/' }, SELF),
    ).toEqual(refused);
    expect(await dispatch(handlers, 'offerCapturedKey', offer, { ...PORTAL_TAB, id: 'other-ext' }, SELF)).toEqual(refused);
    expect(await dispatch(handlers, 'offerCapturedKey', offer, POPUP, SELF)).toEqual(refused);
  });

  it('turns a handler crash into an error that carries no data', async () => {
    const { handlers } = createTestBackground();
    const broken = { ...handlers, addConnection: async () => Promise.reject(new Error(`boom ${KEY}`)) };
    const outcome = await dispatch(broken, 'addConnection', input, POPUP, SELF);
    expect(outcome).toEqual({ ok: false, error: { code: 'internal' } });
  });
});
