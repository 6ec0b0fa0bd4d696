import type { Area, Probes, Purpose } from '../connections/schema';

export type PresetId = Purpose['preset'];

/**
 * What a connection may be for, and the areas its key must read. The probes only read: where a
 * preset also writes (the ServiceNow spoke activates and deactivates users), the UI says that
 * the writes were not checked rather than claim they will work.
 */
export const PRESETS: Readonly<Record<Exclude<PresetId, 'custom'>, { areas: readonly Area[]; writes: boolean }>> = {
  servicenow: { areas: ['users', 'audit'], writes: true },
  'read-jobs': { areas: ['jobs'], writes: false },
};

export function purposeFor(preset: PresetId, customAreas: readonly Area[] = []): Purpose {
  return { preset, areas: preset === 'custom' ? [...new Set(customAreas)] : [...PRESETS[preset].areas] };
}

/** The purpose's areas this check did not see working: the ones that answered otherwise. */
export function missingAreas(purpose: Purpose, probes: Probes): Area[] {
  return purpose.areas.filter((area) => {
    const status = probes[area];
    return !(status !== undefined && status !== null && status >= 200 && status < 300);
  });
}

export const presetWrites = (purpose: Purpose): boolean => purpose.preset !== 'custom' && PRESETS[purpose.preset].writes;
