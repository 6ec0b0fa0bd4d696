import { i18n } from '#i18n';
import type { TestResult } from '@/lib/connections/schema';
import { categoryExplanation, categoryLabel, detailText } from './messages';
import { testedAt } from './tested-when';

function retryText(retryAt: number, now: number): string {
  const seconds = Math.ceil((retryAt - now) / 1000);
  return seconds > 0 ? i18n.t('retryIn', [String(seconds)]) : i18n.t('retryNow');
}

/** The endpoint with a line-break opportunity after each slash, so a long URL wraps between its parts. */
function breakableAtSlashes(text: string) {
  return text.split('/').map((part, i, parts) => (i < parts.length - 1 ? [part, '/', <wbr key={i} />] : part));
}

/** One test's answer: the category first, then the facts behind it. */
export function TestResultView({ result, now = Date.now() }: { result: TestResult; now?: number }) {
  const facts = [
    result.status !== null && result.status > 0 ? i18n.t('httpStatus', [String(result.status)]) : undefined,
    i18n.t('latency', [String(result.latencyMs)]),
    testedAt(result.at, now),
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
      {result.detail && <p class="result-detail">{detailText(result.detail)}</p>}
      <p class="result-endpoint">
        <code>{breakableAtSlashes(result.endpoint)}</code>
      </p>
    </div>
  );
}
