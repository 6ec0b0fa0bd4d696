import { normalizeUrl } from '../connections/validate-input';
import { z } from '../schema/z';
import { isHostPattern } from './hosts';

/**
 * What an administrator can set in `storage.managed` (public/managed_schema.json describes the
 * same keys for Chrome). The names are a contract with administrators' policy files: never rename.
 */
export interface Policy {
  requirePassphrase?: boolean;
  minPassphraseLength?: number;
  maxAutoLockMinutes?: number;
  allowedApiHosts?: string[];
  environments?: PolicyEnvironment[];
  allowPlainExport?: boolean;
  captureEnabled?: boolean;
  clipboardClearSeconds?: number;
  supportMessage?: string;
}
export type PolicyKey = keyof Policy;
export interface PolicyEnvironment {
  name: string;
  url: string;
}

/** Why a value was ignored; the manager turns each into a sentence after the key's name. */
export type PolicyProblemReason = 'wrong-type' | 'out-of-range' | 'bad-host' | 'bad-url' | 'bad-name' | 'empty' | 'too-long';
export interface PolicyProblem {
  key: PolicyKey;
  reason: PolicyProblemReason;
  /** The entry of a list that was left out (a host, an environment's URL), when that is the problem. */
  entry?: string;
}

export interface ParsedPolicy {
  policy: Policy;
  problems: PolicyProblem[];
}

const MAX_ENTRIES = 100;
const int = (min: number, max: number) => ({ type: z.int(), value: z.int().check(z.gte(min), z.lte(max)) });

const environmentSchema = z.object({ name: z.string(), url: z.string() });
type Checked<T> = { ok: true; value: T } | { ok: false; reason: PolicyProblemReason; entry?: string };
type Rule<T> = (raw: unknown) => Checked<T> & { dropped?: PolicyProblem[] };

function scalar<T>(schemas: { type: z.ZodMiniType<T>; value: z.ZodMiniType<T> }, reason: PolicyProblemReason): Rule<T> {
  return (raw) => {
    if (!schemas.type.safeParse(raw).success) return { ok: false, reason: 'wrong-type' };
    const parsed = schemas.value.safeParse(raw);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason };
  };
}

/**
 * A list keeps its good entries and reports each bad one: one typo in a list of allowed hosts
 * must not open every host. A list left with no good entry is ignored as a whole.
 */
function list<T>(item: z.ZodMiniType<T>, check: (entry: T) => PolicyProblem | undefined): Rule<T[]> {
  return (raw) => {
    const parsed = z.array(item).safeParse(raw);
    if (!parsed.success) return { ok: false, reason: 'wrong-type' };
    if (parsed.data.length === 0) return { ok: false, reason: 'empty' };
    if (parsed.data.length > MAX_ENTRIES) return { ok: false, reason: 'too-long' };
    const dropped: PolicyProblem[] = [];
    const kept = parsed.data.filter((entry) => {
      const problem = check(entry);
      if (problem) dropped.push(problem);
      return !problem;
    });
    const [first, ...rest] = dropped;
    if (kept.length === 0 && first) return { ok: false, reason: first.reason, ...(first.entry !== undefined && { entry: first.entry }), dropped: rest };
    return { ok: true, value: kept, dropped };
  };
}

const RULES: { [K in PolicyKey]-?: Rule<NonNullable<Policy[K]>> } = {
  requirePassphrase: scalar({ type: z.boolean(), value: z.boolean() }, 'wrong-type'),
  // At most what the passphrase fields take; below the built-in 8 it changes nothing.
  minPassphraseLength: scalar(int(1, 1_000), 'out-of-range'),
  maxAutoLockMinutes: scalar(int(1, 24 * 60), 'out-of-range'),
  allowedApiHosts: list(z.string(), (entry) => {
    const host = entry.trim().toLowerCase();
    return isHostPattern(host) ? undefined : { key: 'allowedApiHosts', reason: 'bad-host', entry: entry.slice(0, 100) };
  }),
  environments: list(environmentSchema, ({ name, url }) => {
    if (!name.trim() || name.length > 80) return { key: 'environments', reason: 'bad-name', entry: name.slice(0, 100) };
    return normalizeUrl(url).ok ? undefined : { key: 'environments', reason: 'bad-url', entry: url.slice(0, 100) };
  }),
  allowPlainExport: scalar({ type: z.boolean(), value: z.boolean() }, 'wrong-type'),
  captureEnabled: scalar({ type: z.boolean(), value: z.boolean() }, 'wrong-type'),
  // 0 is "never cleared", an administrator's choice as much as any other time.
  clipboardClearSeconds: scalar(int(0, 3_600), 'out-of-range'),
  supportMessage: scalar({ type: z.string(), value: z.string().check(z.maxLength(500)) }, 'too-long'),
};

export const POLICY_KEYS = Object.keys(RULES) as PolicyKey[];

/** Normalised forms: hosts lower-case and trimmed, URLs without a trailing slash, names trimmed. */
function normalise(policy: Policy): Policy {
  const hosts = policy.allowedApiHosts?.map((h) => h.trim().toLowerCase());
  const environments = policy.environments?.map(({ name, url }) => {
    const normal = normalizeUrl(url);
    return { name: name.trim(), url: normal.ok ? normal.value : url };
  });
  return { ...policy, ...(hosts && { allowedApiHosts: hosts }), ...(environments && { environments }) };
}

/**
 * Each key on its own: a value the extension cannot use is left out and reported, the others
 * apply. Anything that is not an object (no policy, a broken read) is no policy at all.
 */
export function parsePolicy(raw: unknown): ParsedPolicy {
  const policy: Record<string, unknown> = {};
  const problems: PolicyProblem[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { policy, problems };
  for (const key of POLICY_KEYS) {
    if (!Object.hasOwn(raw, key)) continue;
    const checked = (RULES[key] as Rule<unknown>)((raw as Record<string, unknown>)[key]);
    if (checked.ok) policy[key] = checked.value;
    else problems.push({ key, reason: checked.reason, ...(checked.entry !== undefined && { entry: checked.entry }) });
    problems.push(...(checked.dropped ?? []));
  }
  return { policy: normalise(policy as Policy), problems };
}
