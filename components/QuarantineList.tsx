import { i18n } from '#i18n';
import type { Quarantined } from '@/lib/vault/parse-vault';

/** Records that failed validation, shown as stored so the user can recover them by hand. */
export function QuarantineList({ records }: { records: Quarantined[] }) {
  if (records.length === 0) return null;
  return (
    <section class="quarantine" aria-labelledby="quarantine-title">
      <h2 id="quarantine-title">{i18n.t('quarantineTitle')}</h2>
      <p class="muted">{i18n.t('quarantineHelp')}</p>
      <ul>
        {records.map((record, index) => (
          <li key={index}>
            <p>{record.reason}</p>
            <pre tabIndex={0}>{record.raw}</pre>
          </li>
        ))}
      </ul>
    </section>
  );
}
