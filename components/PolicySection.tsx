import { i18n } from '#i18n';
import type { PolicyProblem } from '@/lib/policy/policy-schema';
import { PolicyNote } from './PolicyNote';
import { usePolicy } from './use-policy';

const reasonText = ({ reason, entry = '' }: PolicyProblem): string =>
  ({
    'wrong-type': i18n.t('policyReasonWrongType'),
    'out-of-range': i18n.t('policyReasonOutOfRange'),
    'bad-host': i18n.t('policyReasonBadHost', [entry]),
    'bad-url': i18n.t('policyReasonBadUrl', [entry]),
    'bad-name': i18n.t('policyReasonBadName', [entry]),
    empty: i18n.t('policyReasonEmpty'),
    'too-long': i18n.t('policyReasonTooLong'),
  })[reason];

/**
 * What the administrator's policy says that has no other place: the support message, the save
 * prompt turned off, and (in the manager) the values that were ignored, by key name.
 */
export function PolicySection({ showProblems }: { showProblems: boolean }) {
  const { policy, problems } = usePolicy();
  const listed = showProblems ? problems : [];
  if (!policy.supportMessage && policy.captureEnabled !== false && listed.length === 0) return null;
  return (
    <section class="policy" aria-labelledby="policy-title">
      <h2 id="policy-title">{i18n.t('policyTitle')}</h2>
      {policy.supportMessage && <p class="support-message">{policy.supportMessage}</p>}
      {policy.captureEnabled === false && (
        <p>
          {i18n.t('captureOffByPolicy')} <PolicyNote id="capture-policy-note" />
        </p>
      )}
      {listed.length > 0 && (
        <>
          <p class="warning">{i18n.t('policyProblemsHelp')}</p>
          <ul class="policy-problems">
            {listed.map((problem, index) => (
              <li key={`${problem.key}-${index}`}>
                <code>{problem.key}</code>: {reasonText(problem)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
