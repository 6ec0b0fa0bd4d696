import type { Policy, PolicyEnvironment } from './policy-schema';

/**
 * The API environments a connection can be made for: the policy's list replaces the built-in
 * one. The first is the default, and the one a captured key is saved with.
 */
export function environmentsToOffer(policy: Policy, builtIn: readonly PolicyEnvironment[]): readonly PolicyEnvironment[] {
  return policy.environments ?? builtIn;
}

/** The URL a captured key is saved with. */
export function captureUrl(policy: Policy, builtIn: readonly PolicyEnvironment[]): string | undefined {
  return environmentsToOffer(policy, builtIn)[0]?.url;
}
