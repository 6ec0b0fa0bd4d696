import { RETRY_MAX_MS, type TestCategory } from '../connections/schema';
import { companySchema, errorBodySchema, userMeSchema } from './response-schemas';

/** What the tester read of a response: enough to classify it, nothing that holds the key. */
export interface ResponseFacts {
  status: number;
  /** `opaqueredirect` where a browser stopped at a redirect (`redirect: 'manual'`). */
  type: string;
  headers: Headers;
  body: string;
}

/**
 * One answer, classified. Texts are the server's, whole: the caller redacts and cuts them
 * (redact.ts) before anything is stored.
 */
export interface Classification {
  category: TestCategory;
  company?: string;
  role?: string;
  detail?: string;
  retryAt?: number;
  /** A redirect, never followed; `detail` holds its target where the browser showed it. */
  redirected?: boolean;
  /** The server named no retry time: the caller backs off on its own schedule. */
  retryGuessed?: boolean;
}

/** Without a Retry-After, wait out the one-second window of SmartRecruiters' per-key limit. */
export const DEFAULT_RETRY_MS = 1_000;

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

/**
 * Retry-After is seconds or an HTTP date; either way the answer is a time, clamped to a day so
 * that `Retry-After: 99999999999999` cannot store nonsense. Undefined when the server named none.
 */
export function retryAtFrom(headers: Headers, now: number): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim();
  if (!retryAfter) return undefined;
  let at: number | undefined;
  if (/^\d+$/.test(retryAfter)) at = now + Math.min(Number(retryAfter), RETRY_MAX_MS / 1_000) * 1_000;
  else {
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) at = date;
  }
  return at === undefined ? undefined : Math.min(Math.max(now, at), now + RETRY_MAX_MS);
}

function serverMessage(body: string): string | undefined {
  const parsed = errorBodySchema.safeParse(parseJson(body));
  if (!parsed.success) return undefined;
  const { message, errors } = parsed.data;
  const first = errors?.find((e) => e.message || e.code);
  const parts = [message, first && [first.code, first.message].filter(Boolean).join(': ')];
  return parts.filter(Boolean).join(' — ') || undefined;
}

function companyName(body: unknown): string | undefined {
  const parsed = companySchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { name, identifier } = parsed.data;
  if (name && identifier && name !== identifier) return `${name} (${identifier})`;
  return name ?? identifier;
}

function roleName(body: unknown): string | undefined {
  const parsed = userMeSchema.safeParse(body);
  const role = parsed.success ? parsed.data.systemRole : undefined;
  return role?.name ?? role?.id;
}

export function classifyResponse(response: ResponseFacts, now: number): Classification {
  const { status, headers, body } = response;
  if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
    const location = headers.get('location') ?? undefined;
    return { category: 'unexpected', redirected: true, ...(location && { detail: location }) };
  }
  if (status >= 200 && status < 300) {
    const json = isJsonType(headers) ? parseJson(body) : undefined;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      return { category: 'unexpected', detail: 'not a JSON object' };
    }
    const company = companyName(json);
    const role = roleName(json);
    return { category: 'connected', ...(company && { company }), ...(role && { role }) };
  }
  const detail = serverMessage(body);
  const withDetail = (category: TestCategory, extra: Partial<Classification> = {}): Classification => ({
    category,
    ...(detail && { detail }),
    ...extra,
  });
  if (status === 401) return withDetail('invalid-key');
  if (status === 403) return withDetail('access-denied');
  if (status === 429) {
    const retryAt = retryAtFrom(headers, now);
    return withDetail('rate-limited', retryAt === undefined ? { retryAt: now + DEFAULT_RETRY_MS, retryGuessed: true } : { retryAt });
  }
  if (status >= 500 && status < 600) return withDetail('server-error');
  return withDetail('unexpected');
}
