import { i18n } from '#i18n';
import { missingAreas, presetWrites } from '@/lib/api/presets';
import { IDENTITY_AREA, PROBE_PATHS } from '@/lib/api/probes';
import { AREAS } from '@/lib/connections/areas';
import type { Purpose, TestResult } from '@/lib/connections/schema';
import { categoryLabel } from './messages';
import { areaLabel, categoryExplanation, detailText, presetLabel } from './detail-messages';
import { testedAt } from './tested-when';
import { useNow } from './use-test-run';

/** Counts down to the retry time, and says the clock time too: it never stands still. */
function RetryText({ retryAt }: { retryAt: number }) {
  const now = useNow(retryAt > Date.now());
  const seconds = Math.ceil((retryAt - now) / 1000);
  if (seconds <= 0) return <>{` ${i18n.t('retryNow')}`}</>;
  return <>{` ${i18n.t('retryAtClock', [new Date(retryAt).toLocaleTimeString(), String(seconds)])}`}</>;
}

const mark = (status: number | null) => (status === null ? '–' : status >= 200 && status < 300 ? '✓' : '✗');

/** The endpoint with a line-break opportunity after each slash, so a long URL wraps between its parts. */
function breakableAtSlashes(text: string) {
  return text.split('/').map((part, i, parts) => (i < parts.length - 1 ? [part, '/', <wbr key={i} />] : part));
}

/** One test's answer: the verdict first, then each area's answer and the facts behind it. */
export function TestResultView({
  result,
  purpose,
  url,
  now = Date.now(),
}: {
  result: TestResult;
  purpose?: Purpose;
  /** The connection's, for a stored result (it holds no endpoint). */
  url?: string;
  now?: number;
}) {
  const endpoint = result.endpoint ?? (url && `GET ${url}${PROBE_PATHS[IDENTITY_AREA]}`);
  const facts = [
    result.status !== null && result.status > 0 ? i18n.t('httpStatus', [String(result.status)]) : undefined,
    i18n.t('latency', [String(result.latencyMs)]),
    testedAt(result.at, now),
  ].filter(Boolean);
  const missing = purpose && result.probes ? missingAreas(purpose, result.probes) : [];
  const { budget } = result;
  const probes = AREAS.flatMap((area) => (result.probes && area in result.probes ? [[area, result.probes[area] ?? null] as const] : []));
  return (
    <div class={`result result-${result.category}`}>
      <p class="result-head">
        <strong class="result-label">{categoryLabel(result.category)}</strong>
        <span class="result-facts"> · {facts.join(' · ')}</span>
      </p>
      <p class="result-explain">
        {result.redirected ? i18n.t('redirectExplained') : categoryExplanation(result.category)}
        {result.retryAt !== undefined && <RetryText retryAt={result.retryAt} />}
      </p>
      {result.company && <p class="result-company">{i18n.t('company', [result.company])}</p>}
      {result.role && <p class="result-company">{i18n.t('systemRole', [result.role])}</p>}
      {probes.length > 0 && (
        <ul class="result-matrix" aria-label={i18n.t('accessMatrix')}>
          {probes.map(([area, status]) => (
            <li key={area} class={`probe probe-${mark(status) === '✓' ? 'ok' : mark(status) === '✗' ? 'refused' : 'none'}`}>
              {areaLabel(area)} {mark(status)} {status === null ? i18n.t('probeNotRun') : String(status)}
            </li>
          ))}
        </ul>
      )}
      {purpose && purpose.areas.length > 0 && result.probes && (
        <p class="result-purpose">
          {missing.length
            ? i18n.t('missingFor', [presetLabel(purpose.preset), missing.map(areaLabel).join(', ')])
            : i18n.t('fitsPurpose', [presetLabel(purpose.preset)])}
          {presetWrites(purpose) && ` ${i18n.t('purposeWritesNote')}`}
        </p>
      )}
      {budget?.remaining !== undefined && budget.limit !== undefined && (
        <p class="result-detail">
          {i18n.t('budgetLeft', [
            String(budget.remaining),
            String(budget.limit),
            String(budget.concurrentRemaining ?? '–'),
            String(budget.concurrentLimit ?? '–'),
          ])}
        </p>
      )}
      {result.detail && (
        <p class="result-detail">{result.redirected ? i18n.t('redirectTarget', [result.detail]) : detailText(result.detail)}</p>
      )}
      {endpoint && (
        <p class="result-endpoint">
          <code>{breakableAtSlashes(endpoint)}</code>
        </p>
      )}
    </div>
  );
}
