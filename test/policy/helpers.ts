/** Hand-made Analysis objects and a judge context for policy unit tests. */
import type { Analysis, CommercialUse, Tier, Verdict } from '../../src/types.js';
import type { JudgeContext } from '../../src/policy/judge.js';
import { DEFAULT_POLICY } from '../../src/policy/config.js';

export const ROOT = '/repo';

export interface FakeOpts {
  dir?: string;
  licenseId?: string | null;
  tier?: Tier;
  match?: Analysis['license']['match'];
  verdict?: Verdict;
  summary?: string;
  actions?: string[];
  declaredResolved?: string | null;
  conflicts?: Analysis['conflicts'];
  thresholdLine?: number;
}

export function fakeAnalysis(o: FakeOpts = {}): Analysis {
  const dir = o.dir ?? `${ROOT}/models/acme`;
  const licensePath = `${dir}/LICENSE`;
  const tier = o.tier ?? 'open-weight-permissive';
  const a: Analysis = {
    subject: { path: dir, kind: 'model-folder', files: [{ path: licensePath, role: 'license' }] },
    license: {
      id: o.licenseId === undefined ? 'acme-model-license' : o.licenseId,
      spdx: null,
      name: o.licenseId === null ? null : 'Acme Model License',
      family: 'other',
      version: '1.0',
      match: o.match ?? 'exact',
      confidence: 1,
      additions: [],
      removals: [],
      source: o.match === 'unknown' && o.licenseId === null ? null : licensePath,
    },
    declared: o.declaredResolved === undefined ? null : {
      license: ['other'], licenseName: null, licenseLink: null, resolved: o.declaredResolved, spdx: null,
      baseModel: [], baseModelRelation: null, datasets: [], source: `${dir}/README.md`,
    },
    terms: [
      {
        kind: 'threshold', name: 'monthly-active-users', rule: 'threshold-mau', metric: 'monthly-active-users', value: 1000,
        comparator: '>', period: 'month', currency: null, consequence: 'license-required', origin: 'text',
        evidence: { path: licensePath, line: o.thresholdLine ?? 7, column: 3, sentence: 'Acme needs a deal above 1000 users.' },
      },
      {
        kind: 'restriction', name: 'non-commercial', rule: 'nc', scope: 'weights', origin: 'text',
        evidence: { path: licensePath, line: 12, column: 1, sentence: 'No commercial use of the Acme weights.' },
      },
    ],
    openness: {
      tier,
      score: tier === 'unknown' ? null : 50,
      reasons: tier === 'open-weight-noncommercial'
        ? [{ message: 'non-commercial', points: 30, term: { kind: 'restriction', name: 'non-commercial', line: 12, path: licensePath } }]
        : [],
    },
    conflicts: o.conflicts ?? [],
    warnings: [],
  };
  if (o.verdict) {
    const cu: CommercialUse = {
      verdict: o.verdict,
      summary: o.summary ?? `verdict ${o.verdict}`,
      actions: o.actions ?? [],
      thresholds: o.verdict === 'license-required'
        ? [{ metric: 'monthly-active-users', limit: 1000, comparator: '>', period: 'month', currency: null, actual: 5000, crossed: true, headroom: 'none', line: o.thresholdLine ?? 7 }]
        : [],
      reasons: [],
    };
    a.commercialUse = cu;
  }
  return a;
}

export function ctx(over: Partial<JudgeContext> = {}): JudgeContext {
  return { policy: { ...DEFAULT_POLICY, allow: [...DEFAULT_POLICY.allow] }, waivers: [], today: '2026-06-15', root: ROOT, configPath: 'oml.config.yaml', ...over };
}
