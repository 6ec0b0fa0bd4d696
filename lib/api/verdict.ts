import type { Area, TestCategory } from '../connections/schema';

/** One area's answer: its HTTP status (null: no answer) and how that answer alone reads. */
export interface AreaAnswer {
  area: Area;
  status: number | null;
  category: TestCategory;
}

const works = (a: AreaAnswer) => a.category === 'connected';
const refused = (a: AreaAnswer) => a.status === 401 || a.status === 403;

/**
 * The verdict of an access check from its answers, the identity call's first.
 * - Any area that works decides between Connected (no area refused) and Limited access (some
 *   area answered 401 or 403). An area that could not tell (429, 5xx, no answer) changes nothing.
 * - Invalid API key only when every area answered 401: the API also answers 401 for a missing
 *   permission, so one endpoint's 401 does not prove the key dead.
 * - Otherwise the identity call's outcome decides; where that is a 401 the others disagreed
 *   with, the first area that said something else does (403: the key is known but refused).
 */
export function decideVerdict(answers: readonly AreaAnswer[]): TestCategory {
  const [identity, ...probes] = answers;
  if (!identity) return 'network';
  if (answers.some(works)) return answers.some(refused) ? 'limited' : 'connected';
  if (answers.every((a) => a.status === 401)) return 'invalid-key';
  if (identity.status !== 401) return identity.category;
  const other = probes.find((a) => a.status !== 401 && a.status !== null) ?? probes.find((a) => a.status !== 401);
  return other?.category ?? 'invalid-key';
}
