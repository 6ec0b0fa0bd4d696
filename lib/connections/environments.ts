import { DEFAULT_API_URL } from './limits';

/**
 * The API hosts the form offers by name. One small list, on purpose: a company policy may later
 * replace it (managed storage), and nothing else should know these URLs.
 */
export const ENVIRONMENTS = [
  { id: 'production', url: DEFAULT_API_URL },
  // Seen in public clients, not in SmartRecruiters' docs (shared/notes/smartrecruiters.md).
  { id: 'sandbox', url: 'https://api.sandbox.smartrecruiters.com' },
] as const;

export type EnvironmentId = (typeof ENVIRONMENTS)[number]['id'] | 'custom';

/** Which named environment a URL is, or custom. */
export function environmentOf(url: string): EnvironmentId {
  const trimmed = url.trim().replace(/\/+$/, '');
  return ENVIRONMENTS.find((e) => e.url === trimmed)?.id ?? 'custom';
}

export const environmentUrl = (id: EnvironmentId): string | undefined => ENVIRONMENTS.find((e) => e.id === id)?.url;
