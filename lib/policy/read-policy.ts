import { type ParsedPolicy, parsePolicy } from './policy-schema';

/** The part of `browser.storage.managed` read here. */
export interface ManagedAreaLike {
  get(): Promise<Record<string, unknown>>;
}

/**
 * The policy now. Firefox rejects the read when no policy names the extension, and a browser
 * without managed storage has no area: both are "no policy", never an error that stops anything.
 */
export async function readPolicy(area: ManagedAreaLike | undefined): Promise<ParsedPolicy> {
  try {
    return parsePolicy(area ? await area.get() : {});
  } catch {
    return parsePolicy({});
  }
}
