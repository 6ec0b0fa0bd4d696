import { i18n } from '#i18n';
import type { Connection } from '@/lib/connections/schema';
import { AuditExport } from './AuditExport';
import { ExportForm } from './ExportForm';
import { ImportForm } from './ImportForm';

export function BackupSection({ connections, onMessage }: { connections: Connection[]; onMessage(text: string): void }) {
  return (
    <section class="backup" aria-labelledby="backup-title">
      <h2 id="backup-title">{i18n.t('backupTitle')}</h2>
      <div class="backup-forms">
        <ExportForm connections={connections} onMessage={onMessage} />
        <ImportForm onMessage={onMessage} />
        <AuditExport connections={connections} />
      </div>
    </section>
  );
}
