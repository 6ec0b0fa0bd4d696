import { describe, expect, it } from 'vitest';
import { captureAllowed } from './capture-switch';

const area = (value: unknown) => ({ get: async () => ({ captureEnabled: value }) });

describe('captureAllowed', () => {
  it('is off only for the literal false', async () => {
    expect(await captureAllowed(area(false))).toBe(false);
    for (const value of [true, undefined, 'false', 0, null]) expect(await captureAllowed(area(value))).toBe(true);
  });
  it('is on without managed storage, or when reading it fails', async () => {
    expect(await captureAllowed(undefined)).toBe(true);
    expect(await captureAllowed({ get: () => Promise.reject(new Error('Managed storage manifest not found')) })).toBe(true);
  });
});
