import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { PORTAL_ORIGINS } from './lib/messaging/sender';

// The API host every connection uses by default. Other https hosts are asked for at run time
// (optional_host_permissions), so the install prompt asks for no more than this.
const DEFAULT_API_ORIGIN = 'https://api.smartrecruiters.com/*';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    host_permissions: [DEFAULT_API_ORIGIN],
    optional_host_permissions: ['https://*/*'],
    // The save prompt is framed into the portal's pages, and only there.
    web_accessible_resources: [{ resources: ['prompt.html'], matches: PORTAL_ORIGINS.map((o) => `${o}/*`) }],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self' https://www.smartrecruiters.com",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'admin-helper@smartrecruiters-admin-helper.dev',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
  }),
});
