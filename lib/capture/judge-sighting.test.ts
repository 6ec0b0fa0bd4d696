import { describe, expect, it } from 'vitest';
import { PENDING_FIELDS_WAIT_MS, type SightingFacts, judgeSighting } from './judge-sighting';

const popup = (values: string[], pending = 0, oauth = false) => ({ values: new Set(values), pending, oauth });
const base: SightingFacts = { prefixed: false, documentedPrefix: false, inContext: true, oauthChosen: false, popup: popup(['a']), waitedMs: 0 };
const judge = (facts: Partial<SightingFacts>) => judgeSighting({ ...base, ...facts });

describe('judgeSighting', () => {
  it('offers a DCRA key in a pop-up, wherever it is; another prefix only in the credentials area', () => {
    expect(judge({ prefixed: true, documentedPrefix: true, inContext: false })).toBe('offer');
    expect(judge({ prefixed: true, documentedPrefix: true, popup: popup(['key', 'credential-id']) })).toBe('offer');
    expect(judge({ prefixed: true, inContext: true, popup: popup(['key', 'credential-id']) })).toBe('offer');
    expect(judge({ prefixed: true, inContext: false })).toBe('ignore');
  });

  it('offers a bare key that is the one value of its pop-up in the credentials area', () => {
    expect(judge({})).toBe('offer');
  });

  it('ignores a bare value outside the credentials area, or with a second value (an id and a secret)', () => {
    expect(judge({ inContext: false })).toBe('ignore');
    expect(judge({ popup: popup(['id', 'secret']) })).toBe('ignore');
  });

  it('waits for empty read-only fields a moment, then offers', () => {
    expect(judge({ popup: popup(['id'], 1) })).toBe('wait');
    expect(judge({ popup: popup(['id'], 1), waitedMs: PENDING_FIELDS_WAIT_MS })).toBe('offer');
  });

  it('never offers in the OAuth flow, prefixed or not', () => {
    expect(judge({ prefixed: true, documentedPrefix: true, oauthChosen: true })).toBe('ignore');
    expect(judge({ prefixed: true, documentedPrefix: true, popup: popup(['a'], 0, true) })).toBe('ignore');
  });

  it('offers a value shown in the page (no pop-up) only when prefixed and in the credentials area', () => {
    expect(judge({ popup: null, prefixed: true })).toBe('offer');
    expect(judge({ popup: null, prefixed: true, inContext: false })).toBe('ignore');
    expect(judge({ popup: null, prefixed: false })).toBe('ignore');
  });
});
