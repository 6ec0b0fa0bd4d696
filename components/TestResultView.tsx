import { i18n } from '#i18n';
import type { TestResult } from '@/lib/connections/schema';
import { categoryExplanation, categoryLabel } from './messages';

function retryText(retryAt: number, now: number): string {
  const seconds = Math.ceil((retryAt - now) / 1000);
  return seconds > 0 ? i18n.t('retryIn', [String(seconds)]) : i18n.t('retryNow');
}

/** One test's answer: the category first, then the facts behind it. */
export function TestResultView({ result, now = Date.now() }: { result: TestResult; now?: number }) {
  const facts = [
    result.status !== null && result.status > 0 ? i18n.t('httpStatus', [String(result.status)]) : undefined,
    i18n.t('latency', [String(result.latencyMs)]),
    new Date(result.at).toLocaleTimeString(),
  ].filter(Boolean);
  return (
    <div class={`result result-${result.category}`}>
      <p class="result-head">
        <strong class="result-label">{categoryLabel(result.category)}</strong>
        <span class="result-facts"> · {facts.join(' · ')}</span>
      </p>
      <p class="result-explain">
        {categoryExplanation(result.category)}
        {result.retryAt !== undefined && ` ${retryText(result.retryAt, now)}`}
      </p>
      {result.company && <p class="result-company">{i18n.t('company', [result.company])}</p>}
      {result.detail && <p class="result-detail">{result.detail}</p>}
      <p class="result-endpoint">
        <code>{result.endpoint}</code>
      </p>
    </div>
  );
}
