import { DEFAULT_API_URL } from './schema';

export type Environment = { kind: 'production' } | { kind: 'sandbox' } | { kind: 'other'; host: string };

/** Which SmartRecruiters environment a connection's URL points at, as the picker lists it. */
export function environmentOf(url: string): Environment {
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    return { kind: 'other', host: url };
  }
  if (host === new URL(DEFAULT_API_URL).hostname) return { kind: 'production' };
  if (host.split('.').includes('sandbox')) return { kind: 'sandbox' };
  return { kind: 'other', host };
}
