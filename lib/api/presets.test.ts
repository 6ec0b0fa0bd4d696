import { describe, expect, it } from 'vitest';
import { missingAreas, presetWrites, purposeFor } from './presets';

describe('presets', () => {
  it('name the areas each purpose needs', () => {
    expect(purposeFor('servicenow')).toEqual({ preset: 'servicenow', areas: ['users', 'audit'] });
    expect(purposeFor('read-jobs')).toEqual({ preset: 'read-jobs', areas: ['jobs'] });
    expect(purposeFor('custom', ['jobs', 'me', 'jobs'])).toEqual({ preset: 'custom', areas: ['jobs', 'me'] });
  });
  it('say which needed areas the check did not see working', () => {
    const probes = { configuration: 401, jobs: 200, users: 403, me: null, audit: 200 };
    expect(missingAreas(purposeFor('servicenow'), probes)).toEqual(['users']);
    expect(missingAreas(purposeFor('read-jobs'), probes)).toEqual([]);
    expect(missingAreas(purposeFor('custom', ['me']), probes)).toEqual(['me']);
  });
  it('say where a purpose also writes, which probes never check', () => {
    expect(presetWrites(purposeFor('servicenow'))).toBe(true);
    expect(presetWrites(purposeFor('read-jobs'))).toBe(false);
  });
});
