import { i18n } from '#i18n';
import { ExportForm } from './ExportForm';
import { ImportForm } from './ImportForm';

export function BackupSection({ onMessage }: { onMessage(text: string): void }) {
  return (
    <section class="backup" aria-labelledby="backup-title">
      <h2 id="backup-title">{i18n.t('backupTitle')}</h2>
      <div class="backup-forms">
        <ExportForm onMessage={onMessage} />
        <ImportForm onMessage={onMessage} />
      </div>
    </section>
  );
}
