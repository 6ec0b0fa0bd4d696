import { i18n } from '#i18n';
import { auditCsv, auditFileName } from '@/lib/backup/audit-csv';
import type { Connection } from '@/lib/connections/schema';
import { useMemo } from 'preact/hooks';
import { download } from './download';
import { useLastResults } from './use-last-results';
import { categoryLabel, environmentLabel } from './messages';

/** A CSV for audits: every connection without its key. Made in the page: nothing in it is secret. */
export function AuditExport({ connections }: { connections: Connection[] }) {
  const ids = useMemo(() => connections.map((c) => c.id), [connections]);
  const { results } = useLastResults(ids);
  function exportCsv() {
    const last = Object.fromEntries(Object.entries(results).map(([id, r]) => [id, r.last]));
    const csv = auditCsv(connections, last, {
      header: [i18n.t('fieldName'), i18n.t('fieldUrl'), i18n.t('csvEnvironment'), i18n.t('fieldNote'), i18n.t('csvVerdict'), i18n.t('csvTestedAt')],
      environment: environmentLabel,
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
