// @ts-check
/**
 * The Firefox preferences a test run needs, on top of those puppeteer and Firefox's remote agent
 * already set for automation. They are written to the fresh profile's user.js, so they hold from
 * the first moment of start-up, before any background service has had a chance to call out.
 */

/**
 * @typedef {object} FirefoxPrefsOptions
 * @property {number} proxyPort The loopback proxy (connect-proxy.mjs) every non-loopback connection goes through.
 * @property {string} addonId The add-on's gecko id, from its manifest.
 * @property {string} addonUuid The moz-extension:// host to give it.
 */

/**
 * Firefox's own calls home. The machine has no internet and every connection goes to the test
 * proxy, which refuses them; turned off, they do not fill its log or slow the start. (Updates are
 * off already: puppeteer sets app.update.disabledForTesting.)
 */
const QUIET = Object.freeze({
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  // 5: DNS over HTTPS off, by choice rather than by default.
  'network.trr.mode': 5,
  'dom.push.connection.enabled': false,
  'extensions.blocklist.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'browser.region.update.enabled': false,
  'browser.region.network.url': '',
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  // Release builds honour this only with MOZ_REMOTE_SETTINGS_DEVTOOLS=1 in the environment.
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
});

/**
 * @param {FirefoxPrefsOptions} options
 * @returns {Record<string, string | number | boolean>}
 */
export function firefoxPrefs({ proxyPort, addonId, addonUuid }) {
  return {
    ...QUIET,
    // 1: manual proxy. HTTPS goes to the proxy as CONNECT host:443, so the host name is never
    // resolved here; plain HTTP goes there too, to be refused rather than tried on the network.
    'network.proxy.type': 1,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.share_proxy_settings': false,
    // A fixed moz-extension:// host, so tests can open the add-on's pages by URL (Firefox otherwise
    // draws a random one per profile).
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: addonUuid }),
    // permissions.request() (from a click) grants without the prompt automation cannot answer, as
    // in Firefox's own tests: the ServiceNow helper's "Turn on" is tested this way.
    'extensions.webextOptionalPermissionPrompts': false,
  };
}
