import { call } from '../messaging/call';
import { watchBackgroundRead } from '../messaging/watch-background-read';
import type { ParsedPolicy } from './policy-schema';

/**
 * The administrator's policy for our pages, as the background read and validated it: now, then
 * again whenever Chrome applies a change (Firefox reads policies at start only, so there it does
 * not change while running).
 */
export function watchPolicy(onPolicy: (parsed: ParsedPolicy) => void): () => void {
  return watchBackgroundRead(() => call('readPolicy', {}), (_keys, area) => area === 'managed', onPolicy);
}
