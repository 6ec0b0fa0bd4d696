import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SESSION_KEY, createSessionKeys, lockDueAt } from './session-key';

describe('when the unlocked key is due to leave', () => {
  it('is its last use plus the idle time, moved on by activity and by a new idle time', async () => {
    fakeBrowser.reset();
    let clock = 1_000;
    const keys = createSessionKeys(fakeBrowser.storage.session, () => clock);
    const stored = async () => (await fakeBrowser.storage.session.get(SESSION_KEY))[SESSION_KEY];
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
    await keys.set(key, 60_000);
    expect(lockDueAt(await stored())).toBe(61_000);
    clock = 30_000;
    await keys.touch();
    expect(lockDueAt(await stored())).toBe(90_000);
    await keys.setIdle(5_000);
    expect(lockDueAt(await stored())).toBe(35_000);
    await keys.clear();
    expect(lockDueAt(await stored())).toBeUndefined();
  });
});
