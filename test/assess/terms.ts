/**
 * Hand-made terms and licenses for assess tests. Evidence is fake (a made-up
 * path and short invented sentences), never text from a real license.
 */
import type { LicenseInfo, Profile, Term } from '../../src/types.js';
import { ProfileSchema } from '../../src/types.js';

let line = 0;
const PATH = 'fixtures/ACME-LICENSE';

type Extra = Partial<Omit<Term, 'kind' | 'name' | 'evidence'>> & { sentence?: string; line?: number };

export function term(kind: Term['kind'], name: string, extra: Extra = {}): Term {
  const { sentence, line: l, ...rest } = extra;
  line += 1;
  return {
    kind, name, rule: `test/${kind}/${name}`, origin: 'text',
    ...rest,
    evidence: { path: PATH, line: l ?? line, column: 1, sentence: sentence ?? `Acme test clause for ${name}.` },
  };
}

export const permission = (name: string, extra?: Extra) => term('permission', name, extra);
export const obligation = (name: string, extra?: Extra) => term('obligation', name, extra);
export const restriction = (name: string, extra?: Extra) => term('restriction', name, extra);
export const termination = (name: string, extra?: Extra) => term('termination', name, extra);
export const other = (name: string, extra?: Extra) => term('other', name, extra);

export function threshold(metric: string, value: number, consequence: NonNullable<Term['consequence']>, extra: Extra = {}): Term {
  return term('threshold', metric, { metric, value, comparator: '>', period: null, currency: null, consequence, ...extra });
}

export function license(over: Partial<LicenseInfo> = {}): LicenseInfo {
  return {
    id: 'acme-model-license', spdx: null, name: 'Acme Model License', family: 'other', version: '1.0',
    match: 'exact', confidence: 1, additions: [], removals: [], ...over,
  };
}

export const UNKNOWN_LICENSE: LicenseInfo = license({ id: null, name: null, family: null, version: null, match: 'unknown', confidence: 0 });
export const MIT_LICENSE: LicenseInfo = license({ id: 'MIT', spdx: 'MIT', name: 'MIT License', family: 'mit', version: null });

export function profile(p: Record<string, unknown>): Profile {
  return ProfileSchema.parse(p);
}

const GRANTS = () => [permission('use'), permission('modify'), permission('distribute'), permission('sublicense')];

/** MIT-like: grant + keep the notice. */
export function mitLike(): Term[] {
  return [...GRANTS(), obligation('include-license')];
}

/** Kimi-K2-like: MIT plus a display condition above 100M MAU or USD 20M monthly revenue. */
export function kimiLike(): Term[] {
  return [
    ...mitLike(),
    threshold('monthly-active-users', 100_000_000, 'attribution-display', { text: 'Kimi K2', period: 'month' }),
    threshold('revenue', 20_000_000, 'attribution-display', { text: 'Kimi K2', period: 'month', currency: 'USD' }),
    obligation('attribution-display', { text: 'Kimi K2', sentence: 'Big Acme products must show the words Kimi K2 on the user interface.' }),
  ];
}

/** Llama-3.1-like: grant, notices, Built with Llama, name prefix, use policy, 700M MAU separate license. */
export function llamaLike(): Term[] {
  return [
    permission('use'), permission('distribute'), permission('modify'), permission('commercial-use'),
    obligation('include-license', { sentence: 'When you make available the model or a product or service with it, hand over a copy of this agreement.' }),
    obligation('attribution-display', { text: 'Built with Llama', sentence: 'Show Built with Llama on a related website, user interface, blogpost, about page, or product documentation.' }),
    obligation('name-prefix', { text: 'Llama', sentence: 'Any model you build from it and share must have a name that begins with Llama.' }),
    obligation('retain-notice', { sentence: 'Copies you distribute carry a Notice text file with the attribution line.' }),
    obligation('comply-with-use-policy'),
    restriction('prohibited-uses', { origin: 'incorporated' }),
    threshold('monthly-active-users', 700_000_000, 'license-required', { period: 'month' }),
    termination('litigation-termination'),
    other('governing-law'),
    restriction('no-trademark-use'),
  ];
}

/** Llama-3.2-like: Llama-3.1-like plus an EU exclusion. */
export function llama32Like(): Term[] {
  return [...llamaLike(), restriction('territory-exclusion', { territories: ['EU'] })];
}

/** Research-only license. */
export function researchOnly(): Term[] {
  return [permission('use'), permission('modify'), restriction('research-only', { scope: 'weights' }), obligation('include-license')];
}
