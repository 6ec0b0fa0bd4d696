/**
 * The ServiceNow helper's optional host grant. This feature owns it: it is asked for by the
 * manager's "Turn on ServiceNow helper" and withdrawn by its "Turn off" (or the browser's own
 * site-access controls). Code that tidies up other optional host grants must leave this pattern
 * alone.
 */
export const SERVICENOW_HOST_PATTERN = 'https://*.service-now.com/*';

const SERVICENOW_SUFFIX = '.service-now.com';

/** Whether a host name is a ServiceNow instance's (`acme.service-now.com`), by its suffix only. */
export function isServiceNowHost(host: string): boolean {
  const name = host.toLowerCase();
  return name.endsWith(SERVICENOW_SUFFIX) && name.length > SERVICENOW_SUFFIX.length && !name.includes(':');
}

/** The instance host of an https URL on ServiceNow, or undefined. */
export function serviceNowHostOf(url: string | undefined): string | undefined {
  try {
    const parsed = url ? new URL(url) : undefined;
    return parsed?.protocol === 'https:' && parsed.port === '' && isServiceNowHost(parsed.hostname) ? parsed.hostname : undefined;
  } catch {
    return undefined;
  }
}
