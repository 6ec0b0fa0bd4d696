import { CAPTIONS, type Captions, type Lang } from '../fixtures/portal/js/i18n.js';

/**
 * What both browsers' drivers know of the portal replica (tests/fixtures/portal/README.md): its
 * address, the session switches on its URL, its captions and its test hook.
 */
export const PORTAL = 'https://www.smartrecruiters.com';
export const CREDENTIALS_PATH = '/settings/administration/app-management/custom-applications';
export const PROMPT_TITLE = 'Save SmartRecruiters API key';
/** The iframe the `iframe` variant runs the credentials area in. */
export const EMBEDDED_FRAME = 'iframe[src^="/embedded/"]';

export { CAPTIONS };
export type { Captions, Lang };

/** Session switches of the portal replica, besides its variant. */
export interface PortalOptions {
  /** en (default), de, fr or ja: every caption of the replica is translated. */
  lang?: string;
  /** 'opaque': settings screens at paths and under titles that say nothing. */
  paths?: 'opaque';
  /** More query parameters, e.g. 'lateMs=300&oauthSecret=base62'. */
  extraQuery?: string;
}

export type CredentialType = 'api-key' | 'oauth';

/** What the replica's test hook (window.__replica.generated) records for each Generate. */
export interface Generated {
  kind: CredentialType;
  key?: string;
  clientId?: string;
  clientSecret?: string;
  at: number;
}

export type HookWindow = { __replica?: { generated: Generated[] } };

/** The replica's captions in a language; throws for one it does not have. */
export function captionsFor(lang = 'en'): Captions {
  if (!Object.hasOwn(CAPTIONS, lang)) throw new Error(`The portal replica has no language ${lang}`);
  return CAPTIONS[lang as Lang];
}

/** The query string that starts a replica session: `?variant=…&lang=…&paths=…&…`. */
export function portalQuery(variant = 'dialog-input', options: PortalOptions = {}): string {
  const params = new URLSearchParams({ variant });
  if (options.lang) params.set('lang', options.lang);
  if (options.paths) params.set('paths', options.paths);
  const extra = options.extraQuery?.replace(/^[?&]/, '');
  return `?${params}${extra ? `&${extra}` : ''}`;
}

/** The session's switches, read back from a page's URL (in-app navigation keeps them). */
export function sessionOf(pageUrl: string): { variant: string; lang: string } {
  const params = new URL(pageUrl).searchParams;
  return { variant: params.get('variant') ?? 'dialog-input', lang: params.get('lang') ?? 'en' };
}
