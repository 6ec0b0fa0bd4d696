import { i18n } from '#i18n';
import { UnlockForm } from './UnlockForm';

/** The vault is locked: unlocking is the one thing to do, so its field has the focus. Key actions are disabled meanwhile. */
export function LockView() {
  return (
    <section class="lock-view" aria-labelledby="lock-view-title">
      <h2 id="lock-view-title">{i18n.t('lockedTitle')}</h2>
      <UnlockForm focus />
    </section>
  );
}
