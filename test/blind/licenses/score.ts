/**
 * Whole-license blind set: scoring. Pure functions from (licenses, what the engine found in each) to term
 * recall / precision, thresholds exact, fields exact and tier per license and in total, and the ratchet.
 */
import type { Tier } from '../../../src/types.js';
import { meetsExpect, type Found } from '../score.js';
import type { BlindLicense } from './load.js';

/** What the engine returned for one license: the terms of its own text and the tier. */
export interface LicenseRun { terms: Found[]; tier: Tier }

export interface LicenseScore {
  slug: string;
  present: number;
  /** present terms the engine found (by name) */
  found: number;
  /** names found that the license does not state */
  falsePositives: string[];
  missed: string[];
  thresholds: number;
  /** expected thresholds matched by a found term of that metric carrying every given field */
  thresholdsExact: number;
  /** present terms with text / territories */
  fields: number;
  fieldsExact: number;
  tierExpected: Tier;
  tierFound: Tier;
  recall: number;
  precision: number | null;
}

export interface Totals {
  licenses: number;
  present: number;
  found: number;
  falsePositives: number;
  thresholds: number;
  thresholdsExact: number;
  fields: number;
  fieldsExact: number;
  tiersRight: number;
  recall: number | null;
  precision: number | null;
}

export interface PerTerm { name: string; present: number; found: number; falsePositives: number }

export interface SetScores { licenses: LicenseScore[]; totals: Totals; terms: PerTerm[] }

export function scoreLicense(l: BlindLicense, run: LicenseRun): LicenseScore {
  const names = new Set(run.terms.map((t) => t.name));
  const stated = new Set(l.present.map((p) => p.name));
  const missed = l.present.filter((p) => !names.has(p.name)).map((p) => p.name);
  const falsePositives = [...names].filter((n) => !stated.has(n)).sort();
  const thresholdsExact = l.thresholds.filter((e) => run.terms.some((t) => t.name === e.metric && meetsExpect(t, {
    value: e.value, comparator: e.comparator, period: e.period, currency: e.currency, consequence: e.consequence,
  }))).length;
  const withFields = l.present.filter((p) => p.text !== undefined || p.territories !== undefined);
  const fieldsExact = withFields.filter((p) => run.terms.some((t) => t.name === p.name
    && meetsExpect(t, { text: p.text, territories: p.territories }))).length;
  const found = l.present.length - missed.length;
  return {
    slug: l.slug, present: l.present.length, found, falsePositives, missed,
    thresholds: l.thresholds.length, thresholdsExact, fields: withFields.length, fieldsExact,
    tierExpected: l.tier, tierFound: run.tier,
    recall: found / l.present.length,
    precision: found + falsePositives.length ? found / (found + falsePositives.length) : null,
  };
}

export function scoreSet(licenses: BlindLicense[], runs: Map<string, LicenseRun>): SetScores {
  const scores = licenses.map((l) => scoreLicense(l, runs.get(l.slug) ?? { terms: [], tier: 'unknown' }));
  const sum = (f: (s: LicenseScore) => number) => scores.reduce((a, s) => a + f(s), 0);
  const present = sum((s) => s.present);
  const found = sum((s) => s.found);
  const fp = sum((s) => s.falsePositives.length);
  const totals: Totals = {
    licenses: scores.length, present, found, falsePositives: fp,
    thresholds: sum((s) => s.thresholds), thresholdsExact: sum((s) => s.thresholdsExact),
    fields: sum((s) => s.fields), fieldsExact: sum((s) => s.fieldsExact),
    tiersRight: sum((s) => (s.tierFound === s.tierExpected ? 1 : 0)),
    recall: present ? found / present : null,
    precision: found + fp ? found / (found + fp) : null,
  };
  const perTerm = new Map<string, PerTerm>();
  const bump = (name: string, key: 'present' | 'found' | 'falsePositives') => {
    const t = perTerm.get(name) ?? { name, present: 0, found: 0, falsePositives: 0 };
    t[key]++;
    perTerm.set(name, t);
  };
  for (const s of scores) {
    const l = licenses.find((x) => x.slug === s.slug)!;
    for (const p of l.present) { bump(p.name, 'present'); if (!s.missed.includes(p.name)) bump(p.name, 'found'); }
    for (const n of s.falsePositives) bump(n, 'falsePositives');
  }
  const terms = [...perTerm.values()].sort((a, b) => a.name.localeCompare(b.name));
  return { licenses: scores, totals, terms };
}

// ---------------------------------------------------------------- ratchet

export interface LicenseBaseline {
  note: string;
  totals: { found: number; thresholdsExact: number; fieldsExact: number; tiersRight: number; precision: number | null };
  licenses: Record<string, { found: number; thresholdsExact: number; fieldsExact: number; tierRight: boolean }>;
}

const round = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 10000);

export function toLicenseBaseline(s: SetScores): LicenseBaseline {
  return {
    note: 'Floor of the whole-license blind set (test/blind/licenses): totals and per-license counts may not drop, '
      + 'total precision may not fall, a right tier may not turn wrong. Raise with BLIND_UPDATE=1 after an improvement.',
    totals: {
      found: s.totals.found, thresholdsExact: s.totals.thresholdsExact, fieldsExact: s.totals.fieldsExact,
      tiersRight: s.totals.tiersRight, precision: round(s.totals.precision),
    },
    licenses: Object.fromEntries(s.licenses.map((l) => [l.slug, {
      found: l.found, thresholdsExact: l.thresholdsExact, fieldsExact: l.fieldsExact, tierRight: l.tierFound === l.tierExpected,
    }])),
  };
}

/** Regressions of `s` against `b`, one message per license and figure; empty when every floor holds. */
export function licenseRatchet(s: SetScores, b: LicenseBaseline): string[] {
  const out: string[] = [];
  for (const key of ['found', 'thresholdsExact', 'fieldsExact', 'tiersRight'] as const) {
    if (s.totals[key] < b.totals[key]) out.push(`total ${key}: ${s.totals[key]} < baseline ${b.totals[key]}`);
  }
  const eps = 1e-4;
  const precision = s.totals.precision ?? 1;
  const floor = b.totals.precision ?? 1;
  if (precision + eps < floor) out.push(`total precision: ${precision.toFixed(4)} < baseline ${floor}`);
  for (const l of s.licenses) {
    const base = b.licenses[l.slug];
    if (!base) { out.push(`${l.slug}: not in baseline.json (run with BLIND_UPDATE=1)`); continue; }
    for (const key of ['found', 'thresholdsExact', 'fieldsExact'] as const) {
      if (l[key] < base[key]) out.push(`${l.slug}: ${key} ${l[key]} < baseline ${base[key]}`);
    }
    if (base.tierRight && l.tierFound !== l.tierExpected) out.push(`${l.slug}: tier ${l.tierFound}, was right (${l.tierExpected})`);
  }
  for (const slug of Object.keys(b.licenses)) if (!s.licenses.some((l) => l.slug === slug)) out.push(`${slug}: in baseline.json but not in the set`);
  return out;
}
