import { i18n } from '#i18n';
import { GIVE_UP_MAX_S, GIVE_UP_MIN_S, SETTINGS_STORAGE_KEY, parseSettings } from '@/lib/settings/settings';
import { call } from '@/lib/messaging/call';
import { useLocalKey } from './use-local-key';

/** When a connection test gives up ("Timed out"). */
export function TestSettings() {
  const settings = useLocalKey(SETTINGS_STORAGE_KEY, parseSettings);
  if (!settings) return null;
  return (
    <div class="field">
      <label for="give-up-seconds">{i18n.t('giveUpLabel')}</label>
      <input
        id="give-up-seconds"
        type="number"
        min={GIVE_UP_MIN_S}
        max={GIVE_UP_MAX_S}
        value={settings.testGiveUpSeconds}
        aria-describedby="give-up-hint"
        onChange={(e) => {
          const seconds = Math.round(Number(e.currentTarget.value));
          if (seconds >= GIVE_UP_MIN_S && seconds <= GIVE_UP_MAX_S) void call('setTestGiveUp', { seconds });
        }}
      />
      <small id="give-up-hint" class="hint">
        {i18n.t('giveUpHint')}
      </small>
    </div>
  );
}
