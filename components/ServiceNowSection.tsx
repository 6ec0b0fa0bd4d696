import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { call } from '@/lib/messaging/call';
import { SERVICENOW_HOST_PATTERN } from '@/lib/servicenow/host';
import { SETTINGS_STORAGE_KEY, parseSettings } from '@/lib/settings/settings';
import { useLocalKey } from './use-local-key';

const grant = { origins: [SERVICENOW_HOST_PATTERN] };

/**
 * The ServiceNow helper in the manager: on and off (the optional host grant, which the browser's
 * site-access controls can also give or take), and the instances trusted to receive keys.
 */
export function ServiceNowSection() {
  const settings = useLocalKey(SETTINGS_STORAGE_KEY, parseSettings);
  const [on, setOn] = useState<boolean>();

  useEffect(() => {
    const check = () => void browser.permissions.contains(grant).then(setOn);
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, []);

  // Straight from the click: browsers show the permission prompt only during the user's gesture.
  const turnOn = () => void browser.permissions.request(grant).then(setOn, () => setOn(false));
  const turnOff = () => void browser.permissions.remove(grant).then(() => setOn(false));

  const trusted = settings?.trustedInstances ?? [];
  return (
    <section class="settings" aria-labelledby="servicenow-title">
      <h2 id="servicenow-title">{i18n.t('serviceNowTitle')}</h2>
      <p class="muted">{i18n.t('serviceNowExplain')}</p>
      <p role="status">{on === undefined ? '' : on ? i18n.t('serviceNowOn') : i18n.t('serviceNowOff')}</p>
      {on === false && (
        <button type="button" class="primary" onClick={turnOn}>
          {i18n.t('serviceNowTurnOn')}
        </button>
      )}
      {on === true && (
        <button type="button" onClick={turnOff}>
          {i18n.t('serviceNowTurnOff')}
        </button>
      )}
      <h3>{i18n.t('trustedInstancesTitle')}</h3>
      {trusted.length === 0 ? (
        <p class="muted">{i18n.t('trustedInstancesEmpty')}</p>
      ) : (
        <ul aria-label={i18n.t('trustedInstancesTitle')}>
          {trusted.map((host) => (
            <li key={host}>
              <span>{host}</span>{' '}
              <button type="button" onClick={() => void call('forgetTrustedInstance', { host })}>
                {i18n.t('trustedInstanceWithdraw', [host])}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
