import type { Area } from '../connections/schema';

/**
 * The cheap, read-only calls of the access check, one per area. The first is the identity call
 * (company configuration, the long-standing check); the others follow it in parallel. Each
 * lists at most one item where the endpoint takes `limit`.
 */
export const PROBE_PATHS: Readonly<Record<Area, string>> = {
  configuration: '/configuration/company',
  jobs: '/jobs?limit=1',
  users: '/user-api/v201804/users?limit=1',
  /** The acting user: answers with its System role. */
  me: '/user-api/v201804/users/me',
  audit: '/audit-api/v201910/audit-events?limit=1',
};

export const IDENTITY_AREA: Area = 'configuration';
export const PROBE_AREAS: readonly Area[] = ['jobs', 'users', 'me', 'audit'];
