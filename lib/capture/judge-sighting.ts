import type { PopupFacts } from './popup-scope';

export interface SightingFacts {
  /** `DCRA1-` + 32 hex (or another prefix). */
  prefixed: boolean;
  /** The documented `DCRA<n>-` prefix: strong evidence on its own, anywhere. */
  documentedPrefix: boolean;
  /** The page or the flow says credentials: path, title, a caption, a Generate caption, the API key type chosen. */
  inContext: boolean;
  /** The flow chose the OAuth client type. */
  oauthChosen: boolean;
  /** What the pop-up the value sits in shows; null when it sits in the page, not a pop-up. */
  popup: PopupFacts | null;
  /** How long this value has been waiting for the pop-up's other fields to fill. */
  waitedMs: number;
}

/** How long a bare value waits for a pop-up's empty fields (an OAuth secret comes a moment after its id). */
export const PENDING_FIELDS_WAIT_MS = 2_000;

export type Verdict = 'offer' | 'wait' | 'ignore';

/**
 * Whether a key-shaped value seen after a Generate is the new API key. After a Generate on the
 * credentials screen a missed key is worse than a rare extra prompt; anywhere else a prompt is a
 * defect. So: a `DCRA<n>-` key in a pop-up is one; another prefix or a bare 32-hex value only in
 * the credentials area, and a bare value only when it is the one new
 * credential-shaped value its pop-up shows in the credentials area; a pop-up with two (an id and
 * a secret) or one that names OAuth is the OAuth client flow, which makes no API key.
 */
export function judgeSighting(facts: SightingFacts): Verdict {
  const { popup } = facts;
  if (facts.oauthChosen || popup?.oauth) return 'ignore';
  if (!popup) return facts.prefixed && facts.inContext ? 'offer' : 'ignore';
  // Another prefix (`req-`, `md5-` + 32 hex) is a key only where the page says credentials.
  if (facts.documentedPrefix || (facts.prefixed && facts.inContext)) return 'offer';
  if (facts.prefixed) return 'ignore';
  if (!facts.inContext || popup.values.size > 1) return 'ignore';
  return popup.pending > 0 && facts.waitedMs < PENDING_FIELDS_WAIT_MS ? 'wait' : 'offer';
}
