// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { isCredentialsContext, pathHintsCredentials } from './page-signals';

function showPage(path: string, body: string, title = 'SmartRecruiters'): void {
  history.pushState({}, '', path);
  document.title = title;
  document.body.innerHTML = body;
}

afterEach(() => {
  document.body.innerHTML = '';
  document.title = '';
  history.pushState({}, '', '/');
});

describe('pathHintsCredentials', () => {
  it.each([
    '/settings/administration/app-management/custom-applications',
    '/settings/administration/apps-and-integrations',
    '/settings/administration/credentials/new',
    '/settings/Administration/App-Management',
  ])('hints at %s', (path) => {
    expect(pathHintsCredentials(path)).toBe(true);
  });

  it.each(['/', '/app/jobs', '/settings/administration/users', '/account/sign-in', '/settings/integrations/hris'])('not at %s', (path) => {
    expect(pathHintsCredentials(path)).toBe(false);
  });
});

describe('isCredentialsContext', () => {
  it('is true on the documented URL with an empty page (the app has not rendered yet)', () => {
    showPage('/settings/administration/app-management/custom-applications', '');
    expect(isCredentialsContext(document)).toBe(true);
  });

  it('is true on an unknown URL when the page title says so', () => {
    showPage('/settings/x', '', 'Apps & Integrations | SmartRecruiters');
    expect(isCredentialsContext(document)).toBe(true);
  });

  it.each([
    ['a heading', '<h1>Apps &amp; Integrations</h1>'],
    ['a heading in other case and spacing', '<h2>  APPS   AND INTEGRATIONS </h2>'],
    ['an ARIA heading', '<div role="heading" aria-level="1">Credential Manager</div>'],
    ['a tab', '<div role="tablist"><div role="tab">Applications</div><div role="tab">CREDENTIALS</div></div>'],
    ['a NEW CREDENTIAL button', '<button><span>+</span> NEW CREDENTIAL</button>'],
    ['a role=button', '<span role="button" tabindex="0">New credential</span>'],
    ['an aria-label', '<button aria-label="Credentials"><svg></svg></button>'],
    ['the current nav link', '<nav><a href="/x" aria-current="page">Apps &amp; Integrations</a></nav>'],
  ])('is true on an unknown URL with %s', (_label, body) => {
    showPage('/settings/x', body);
    expect(isCredentialsContext(document)).toBe(true);
  });

  it.each([
    ['the jobs page', '/app/jobs', '<h1>Jobs</h1><button>Create job</button><p>Credentials are managed elsewhere</p>'],
    [
      'another settings page whose menu links to Apps & Integrations',
      '/settings/administration/users',
      '<nav><a href="/settings/administration/app-management">Apps &amp; Integrations</a>' +
        '<a href="/settings/administration/users" aria-current="page">Users</a></nav>' +
        '<h1>Users</h1><button>Generate report</button>',
    ],
    ['a page that only mentions credentials in long captions', '/settings/x', '<h1>Credentials for your career site are set below</h1>'],
    ['a paragraph (text is not scanned)', '/settings/x', '<p>Apps &amp; Integrations</p><div>Credentials</div>'],
  ])('is false on %s', (_label, path, body) => {
    showPage(path, body);
    expect(isCredentialsContext(document)).toBe(false);
  });

  it('looks at a bounded number of buttons', () => {
    const filler = '<button>Edit</button>'.repeat(250);
    showPage('/settings/x', `${filler}<button>NEW CREDENTIAL</button>`);
    expect(isCredentialsContext(document)).toBe(false);
  });
});

describe('isCredentialsContext in other languages', () => {
  it.each([
    ['German', '<h1>Apps &amp; Integrationen</h1><div role="tab">ANMELDEDATEN</div>'],
    ['French', '<h1>Applications et intégrations</h1><button>NOUVEL IDENTIFIANT</button>'],
    ['Spanish', '<div role="tab">Credenciales</div>'],
    ['Japanese, by the untranslated "API"', '<div role="tab">APIキー</div>'],
    ['any language, by "OAuth"', '<h2>OAuthクライアント</h2>'],
  ])('is true on an opaque path when a caption says so (%s)', (_label, body) => {
    showPage('/ui/p/7f3a', body);
    expect(isCredentialsContext(document)).toBe(true);
  });

  it('is false on a Japanese page that says nothing of credentials, nor for "API" in a long text', () => {
    showPage('/ui/p/19c2', '<h1>ユーザー</h1><button>レポートを生成</button><h2>The API documentation explains every endpoint and every field in detail</h2>');
    expect(isCredentialsContext(document)).toBe(false);
  });
});
