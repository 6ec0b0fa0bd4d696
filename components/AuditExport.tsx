import { i18n } from '#i18n';
import { type Environment, auditCsv, auditFileName } from '@/lib/backup/audit-csv';
import type { Connection } from '@/lib/connections/schema';
import { download } from './download';
import { categoryLabel } from './messages';

const environmentText = (environment: Environment): string =>
  ({ production: i18n.t('envProduction'), sandbox: i18n.t('envSandbox'), custom: i18n.t('envCustom') })[environment];

/** A CSV for audits: every connection without its key. Made in the page: nothing in it is secret. */
export function AuditExport({ connections }: { connections: Connection[] }) {
  function exportCsv() {
    const csv = auditCsv(connections, {
      header: [i18n.t('fieldName'), i18n.t('fieldUrl'), i18n.t('csvEnvironment'), i18n.t('fieldNote'), i18n.t('csvVerdict'), i18n.t('csvTestedAt')],
      environment: environmentText,
      verdict: categoryLabel,
      untested: i18n.t('neverTested'),
    });
    download(auditFileName(new Date()), csv, 'text/csv');
  }
  return (
    <div class="form">
      <p class="muted">{i18n.t('auditHint')}</p>
      <div class="actions">
        <button type="button" disabled={connections.length === 0} onClick={exportCsv}>
          {i18n.t('auditExport')}
        </button>
      </div>
    </div>
  );
}
