import type { TestCategory } from '../connections/schema';
import { companySchema, errorBodySchema } from './response-schemas';

/** What the tester read of a response: enough to classify it, nothing that holds the key. */
export interface ResponseFacts {
  status: number;
  /** `opaqueredirect` where a browser stopped at a redirect (`redirect: 'manual'`). */
  type: string;
  headers: Headers;
  body: string;
}

export interface Classification {
  category: TestCategory;
  company?: string;
  detail?: string;
  retryAt?: number;
}

/** Without a Retry-After, wait out the one-second window of SmartRecruiters' per-key limit. */
const DEFAULT_RETRY_MS = 1_000;
const DETAIL_MAX = 300;

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function isJsonType(headers: Headers): boolean {
  const type = headers.get('content-type') ?? '';
  return /^application\/([\w.+-]*\+)?json\b/i.test(type.trim());
}

/** Retry-After is seconds or an HTTP date; either way the answer is a time. */
export function retryAtFrom(headers: Headers, now: number): number {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return now + Number(retryAfter) * 1_000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(now, date);
  }
  return now + DEFAULT_RETRY_MS;
}

function serverMessage(body: string): string | undefined {
  const parsed = errorBodySchema.safeParse(parseJson(body));
  if (!parsed.success) return undefined;
  const { message, errors } = parsed.data;
  const first = errors?.find((e) => e.message || e.code);
  const parts = [message, first && [first.code, first.message].filter(Boolean).join(': ')];
  const text = parts.filter(Boolean).join(' — ');
  return text ? text.slice(0, DETAIL_MAX) : undefined;
}

function companyName(body: unknown): string | undefined {
  const parsed = companySchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { name, identifier } = parsed.data;
  if (name && identifier && name !== identifier) return `${name} (${identifier})`;
  return name ?? identifier;
}

export function classifyResponse(response: ResponseFacts, now: number): Classification {
  const { status, headers, body } = response;
  if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
    const location = headers.get('location');
    return { category: 'unexpected', detail: location ? `redirect to ${location.slice(0, 200)}` : 'redirect' };
  }
  if (status >= 200 && status < 300) {
    const json = isJsonType(headers) ? parseJson(body) : undefined;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      return { category: 'unexpected', detail: 'not a JSON object' };
    }
    const company = companyName(json);
    return company ? { category: 'connected', company } : { category: 'connected' };
  }
  const detail = serverMessage(body);
  const withDetail = (category: TestCategory, extra: Partial<Classification> = {}): Classification => ({
    category,
    ...(detail && { detail }),
    ...extra,
  });
  if (status === 401) return withDetail('invalid-key');
  if (status === 403) return withDetail('access-denied');
  if (status === 429) return withDetail('rate-limited', { retryAt: retryAtFrom(headers, now) });
  if (status >= 500 && status < 600) return withDetail('server-error');
  return withDetail('unexpected');
}
