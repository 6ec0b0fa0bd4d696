import { describe, expect, it } from 'vitest';
import { effectiveSettings } from './effective-settings';
import { captureUrl, environmentsToOffer } from './environments';

describe('effectiveSettings', () => {
  it('is the user settings, nothing locked, without a policy', () => {
    const effective = effectiveSettings({ autoLockMinutes: 60, clipboardClearSeconds: 60 }, {});
    expect(effective).toMatchObject({
      autoLockMinutes: 60,
      clipboardClearSeconds: 60,
      requirePassphrase: false,
      minPassphraseLength: 8,
      allowPlainExport: true,
      captureEnabled: true,
      allowedApiHosts: undefined,
    });
    expect([...effective.locked]).toEqual([]);
  });

  it('bounds the idle time: lower user choices stay, higher ones come down to the maximum', () => {
    expect(effectiveSettings({ autoLockMinutes: 5 }, { maxAutoLockMinutes: 10 }).autoLockMinutes).toBe(5);
    const capped = effectiveSettings({ autoLockMinutes: 240 }, { maxAutoLockMinutes: 10 });
    expect(capped.autoLockMinutes).toBe(10);
    expect(capped.locked.has('autoLockMinutes')).toBe(true);
  });

  it('fixes the clipboard time, off (0) included, whatever the user chose', () => {
    expect(effectiveSettings({ autoLockMinutes: 15, clipboardClearSeconds: 0 }, { clipboardClearSeconds: 20 }).clipboardClearSeconds).toBe(20);
    expect(effectiveSettings({ autoLockMinutes: 15, clipboardClearSeconds: 60 }, { clipboardClearSeconds: 0 }).clipboardClearSeconds).toBe(0);
    expect(effectiveSettings({ autoLockMinutes: 15, clipboardClearSeconds: 60 }, { clipboardClearSeconds: 90 }).locked.has('clipboardClearSeconds')).toBe(true);
  });

  it('never lowers the built-in passphrase length', () => {
    expect(effectiveSettings({ autoLockMinutes: 15 }, { minPassphraseLength: 4 }).minPassphraseLength).toBe(8);
    const raised = effectiveSettings({ autoLockMinutes: 15 }, { minPassphraseLength: 14 });
    expect(raised.minPassphraseLength).toBe(14);
    expect(raised.locked.has('minPassphraseLength')).toBe(true);
  });

  it('turns the switches only the way the policy says', () => {
    const strict = effectiveSettings(
      { autoLockMinutes: 15 },
      { requirePassphrase: true, allowPlainExport: false, captureEnabled: false, allowedApiHosts: ['a.example.com'] },
    );
    expect(strict).toMatchObject({ requirePassphrase: true, allowPlainExport: false, captureEnabled: false, allowedApiHosts: ['a.example.com'] });
    expect([...strict.locked].sort()).toEqual(['apiHosts', 'capture', 'passphrase', 'plainExport']);
    const loose = effectiveSettings({ autoLockMinutes: 15 }, { requirePassphrase: false, allowPlainExport: true, captureEnabled: true });
    expect(loose).toMatchObject({ requirePassphrase: false, allowPlainExport: true, captureEnabled: true });
    expect(loose.locked.size).toBe(0);
  });
});

describe('environments', () => {
  const builtIn = [
    { name: 'Production', url: 'https://api.smartrecruiters.com' },
    { name: 'Sandbox', url: 'https://api.sandbox.smartrecruiters.com' },
  ];
  it('offers the built-in list without a policy, and the policy list instead of it with one', () => {
    expect(environmentsToOffer({}, builtIn)).toEqual(builtIn);
    const own = [{ name: 'EU', url: 'https://sr-eu.example.com' }];
    expect(environmentsToOffer({ environments: own }, builtIn)).toEqual(own);
  });
  it('saves a captured key with the first environment', () => {
    expect(captureUrl({}, builtIn)).toBe('https://api.smartrecruiters.com');
    expect(captureUrl({ environments: [{ name: 'EU', url: 'https://sr-eu.example.com' }, builtIn[0]!] }, builtIn)).toBe('https://sr-eu.example.com');
  });
});
