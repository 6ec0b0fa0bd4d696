import { i18n } from '#i18n';
import { SETTINGS_STORAGE_KEY, neverSitesOf } from '@/lib/settings/settings-key';
import { call } from '@/lib/messaging/call';
import { useLocalKey } from './use-local-key';

/** Where the user said "Never on this site", with a way back. */
export function NeverSites() {
  const sites = useLocalKey(SETTINGS_STORAGE_KEY, neverSitesOf) ?? [];
  return (
    <section class="settings" aria-labelledby="never-sites-title">
      <h2 id="never-sites-title">{i18n.t('neverSitesTitle')}</h2>
      {sites.length === 0 ? (
        <p class="muted">{i18n.t('neverSitesEmpty')}</p>
      ) : (
        <ul>
          {sites.map((origin) => (
            <li key={origin}>
              <span>{origin}</span>{' '}
              <button type="button" onClick={() => void call('forgetNeverSite', { origin })}>
                {i18n.t('allowAgain', [origin])}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
