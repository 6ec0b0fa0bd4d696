import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { PORTAL_ORIGINS } from './lib/messaging/sender';
import { SERVICENOW_HOST_PATTERN } from './lib/servicenow/host';

// The API host every connection uses by default. Other https hosts are asked for at run time
// (optional_host_permissions), so the install prompt asks for no more than this.
const DEFAULT_API_ORIGIN = 'https://api.smartrecruiters.com/*';

// One source drawing, rasterised by @wxt-dev/auto-icons into icons/<size>.png at build time.
const ICON_SIZES = [16, 32, 48, 128];
const iconFiles = Object.fromEntries(ICON_SIZES.map((size) => [size, `icons/${size}.png`]));

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module', '@wxt-dev/auto-icons'],
  imports: false,
  // WXT builds Firefox as MV2 unless told otherwise; Chrome is MV3 either way.
  manifestVersion: 3,
  // auto-icons writes the manifest's `icons`; the toolbar button is wired below.
  autoIcons: { baseIconPath: 'assets/icon.svg', sizes: ICON_SIZES },
  zip: {
    // An allowlist, so stray local files (bundle stats, notes, keys) never reach AMO: exactly
    // what `npm ci && npm run build:firefox` needs to rebuild the extension.
    includeSources: [
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'tsconfig.json',
      'README.md',
      'locales/**',
      'assets/**',
      'lib/**',
      'components/**',
      'entrypoints/**',
      'public/**',
    ],
    // Test material that could end up inside the allowed folders; WXT already drops *.test.*.
    // test-background.ts is the unit tests' fake-browser harness, not part of the build.
    excludeSources: [
      'tests/**',
      '**/fixtures/**',
      '**/bench-results/**',
      '**/coverage/**',
      '.ci/**',
      '**/screenshots/**',
      'lib/background/test-background.ts',
    ],
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    action: { default_icon: iconFiles },
    // alarms: expired captured keys, idle unlocked keys and copied keys are dropped on time.
    // clipboardRead/clipboardWrite: a copied key is cleared after a while, only if the clipboard
    // still holds it (README: Permissions). offscreen: Chromium's service worker has no clipboard.
    // scripting: the ServiceNow helper's content script is registered only while its optional
    // host is granted (no install warning).
    permissions: [
      'storage',
      'alarms',
      'scripting',
      'clipboardRead',
      'clipboardWrite',
      // Chromium keeps the vault in IndexedDB (lib/vault/vault-area.ts), which this keeps from
      // being evicted when the disk runs short; no install warning there. Firefox keeps it in
      // storage.local and needs neither.
      ...(browser === 'firefox' ? [] : ['offscreen', 'unlimitedStorage']),
    ],
    // The shortcut reaches the save prompt from the browser, where no page can intercept it;
    // _execute_action opens the popup.
    commands: {
      'focus-save-prompt': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_commandFocusPrompt__' },
      _execute_action: { suggested_key: { default: 'Alt+Shift+S' } },
    },
    host_permissions: [DEFAULT_API_ORIGIN],
    optional_host_permissions: ['https://*/*'],
    // The save prompt is framed into the portal's pages, and only there; the fill picker into
    // ServiceNow's (where our script runs only while the user has granted that host).
    web_accessible_resources: [
      { resources: ['prompt.html'], matches: PORTAL_ORIGINS.map((o) => `${o}/*`) },
      { resources: ['picker.html'], matches: [SERVICENOW_HOST_PATTERN] },
    ],
    content_security_policy: {
      extension_pages:
        "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self' https://www.smartrecruiters.com https://*.service-now.com",
    },
    // Administrators' settings (storage.managed): Chrome validates policies against this schema;
    // Firefox takes them from policies.json with no schema.
    ...(browser !== 'firefox' && { storage: { managed_schema: 'managed_schema.json' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // 140 is the first release (and ESR) that reads data_collection_permissions, which AMO
            // requires of new add-ons; it has everything else used here too (storage.session,
            // optional_host_permissions, install-time host permissions for MV3).
            gecko: {
              id: 'admin-helper@smartrecruiters-admin-helper.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
    build: {
      modulePreload: {
        // Every browser this extension runs in preloads modules natively.
        polyfill: false,
        // Pages list their modules for preloading in their HTML. A component loaded later
        // (components/lazy.ts) fetches its own imports from the extension's files when it is
        // first shown; listing them in the page's script too would cost the popup bytes it loads
        // on every open.
        resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
      },
    },
  }),
  hooks: {
    // The content script runs on every portal page, so it must be light (issue: benchmarks). It
    // only needs runtime.getURL and messaging, which browsers' own `browser`/`chrome` provide:
    // webextension-polyfill would be a third of its weight. Pages and the background keep it.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entry) => entry.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        config.resolve!.alias = alias.filter((a: { find: unknown }) => a.find !== 'wxt/browser');
      } else if (alias) {
        delete (alias as Record<string, string>)['wxt/browser'];
      }
    },
  },
});
