import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { call } from '@/lib/messaging/call';
import { SETTINGS_STORAGE_KEY, parseSettings } from '@/lib/settings/settings';
import { PolicyNote } from './PolicyNote';
import { useLocalKey } from './use-local-key';
import { usePolicy } from './use-policy';

const CLIPBOARD_CHOICES = [0, 10, 20, 30, 60, 120, 300];
const PREVIOUS_KEY_CHOICES = [0, 1, 7, 30, 90, 365];

/** The browser's shortcut that opens the popup, as the user has it set (or none). */
function usePopupShortcut(): string | undefined {
  const [shortcut, setShortcut] = useState<string>();
  useEffect(() => {
    void browser.commands.getAll().then((commands) => {
      const open = commands.find((c) => c.name === '_execute_action');
      setShortcut(open?.shortcut || '');
    });
  }, []);
  return shortcut;
}

const withCurrent = (choices: number[], current: number) => [...new Set([...choices, current])].sort((a, b) => a - b);

/** How long copied keys and previous keys are kept, and the popup's shortcut. */
export function HygieneSettings() {
  const settings = useLocalKey(SETTINGS_STORAGE_KEY, parseSettings);
  const shortcut = usePopupShortcut();
  const { policy } = usePolicy();
  if (!settings) return null;
  /** A time the administrator's policy fixes for everyone. */
  const fixedClear = policy.clipboardClearSeconds;
  const clearSeconds = fixedClear ?? settings.clipboardClearSeconds;
  return (
    <section class="settings" aria-labelledby="hygiene-title">
      <h2 id="hygiene-title">{i18n.t('hygieneTitle')}</h2>
      <div class="field inline">
        <label for="clipboard-clear">{i18n.t('clipboardClearLabel')}</label>
        <select
          id="clipboard-clear"
          value={String(clearSeconds)}
          disabled={fixedClear !== undefined}
          aria-describedby={fixedClear !== undefined ? 'clipboard-clear-policy' : undefined}
          onChange={(e) => void call('setClipboardClear', { seconds: Number(e.currentTarget.value) })}
        >
          {withCurrent(CLIPBOARD_CHOICES, clearSeconds).map((seconds) => (
            <option key={seconds} value={String(seconds)}>
              {seconds === 0 ? i18n.t('clearNever') : i18n.t('clearAfterSeconds', seconds, [String(seconds)])}
            </option>
          ))}
        </select>
        {fixedClear !== undefined && <PolicyNote id="clipboard-clear-policy" />}
      </div>
      <div class="field inline">
        <label for="previous-key-days">{i18n.t('previousKeyDaysLabel')}</label>
        <select
          id="previous-key-days"
          value={String(settings.previousKeyDays)}
          onChange={(e) => void call('setPreviousKeyDays', { days: Number(e.currentTarget.value) })}
        >
          {withCurrent(PREVIOUS_KEY_CHOICES, settings.previousKeyDays).map((days) => (
            <option key={days} value={String(days)}>
              {days === 0 ? i18n.t('untilForgotten') : i18n.t('keepForDays', days, [String(days)])}
            </option>
          ))}
        </select>
      </div>
      {shortcut !== undefined && (
        <p class="muted">{shortcut ? i18n.t('popupShortcut', [shortcut]) : i18n.t('popupShortcutNone')}</p>
      )}
    </section>
  );
}
