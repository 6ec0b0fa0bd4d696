import { useEffect, useState } from 'preact/hooks';
import type { ParsedPolicy } from '@/lib/policy/policy-schema';
import { watchPolicy } from '@/lib/policy/watch-policy';

const NO_POLICY: ParsedPolicy = { policy: {}, problems: [] };

/** The administrator's policy, kept current; no policy until it is read. */
export function usePolicy(): ParsedPolicy {
  const [parsed, setParsed] = useState(NO_POLICY);
  useEffect(() => watchPolicy(setParsed), []);
  return parsed;
}
