/**
 * The read-only areas the access check probes (lib/api/probes.ts says where). Apart from the
 * schema so that pages can list them without zod.
 */
export const AREAS = ['configuration', 'jobs', 'users', 'me', 'audit'] as const;
export type Area = (typeof AREAS)[number];
