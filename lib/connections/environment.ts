import { DEFAULT_API_URL } from './limits';

export type Environment = { kind: 'production' } | { kind: 'sandbox' } | { kind: 'custom'; host: string };

const PRODUCTION_HOST = new URL(DEFAULT_API_URL).host;

/** Which SmartRecruiters environment a connection URL points at: production, a sandbox, or another host (a proxy). */
export function environmentOf(url: string): Environment {
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    return { kind: 'custom', host: url };
  }
  if (host === PRODUCTION_HOST) return { kind: 'production' };
  if (/(^|\.)sandbox\./.test(host) && host.endsWith('.smartrecruiters.com')) return { kind: 'sandbox' };
  return { kind: 'custom', host };
}
