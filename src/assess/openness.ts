/**
 * Openness tier and score (DESIGN "Openness tiers").
 *
 * The tier is derived from the terms, not from the license id; the score starts
 * at the top of the tier's band (data/openness-weights.yaml) and loses the
 * documented points per distinct term, never below the band floor.
 */
import spdxList from 'spdx-license-list';
import type { LicenseInfo, Openness, Reason, Term, Tier } from '../types.js';
import { inIdList, opennessWeights, type OpennessWeights, type TierRule } from './data.js';
import { hostedOnly } from './hosted.js';

export interface OpennessInput {
  license: LicenseInfo;
  terms: Term[];
  card?: { datasets: string[]; openCode?: boolean } | null;
}

const TIER_ORDER: Tier[] = [
  'open-source', 'open-weight-permissive', 'open-weight-conditional', 'open-weight-restricted',
  'open-weight-noncommercial', 'closed',
];

/** True when the restriction covers the weights (scope weights, both, or not stated). */
export function coversWeights(t: Term): boolean {
  return t.scope === undefined || t.scope === 'weights' || t.scope === 'both';
}

/** The name openness-weights.yaml's `thresholdConsequence` lists give a threshold whose consequence was not read. */
export const UNREAD_CONSEQUENCE = 'unread';

/** Does this term match a tier rule? */
export function matchesRule(t: Term, rule: TierRule): boolean {
  // (a threshold whose consequence was not read counts as UNREAD_CONSEQUENCE: the tier rules decide what it costs)
  if (t.kind === 'threshold') return (rule.thresholdConsequence ?? []).includes(t.consequence ?? UNREAD_CONSEQUENCE);
  if (t.kind === 'permission') return false;
  return (rule[t.kind] ?? []).includes(t.name);
}

function termRef(t: Term): NonNullable<Reason['term']> {
  return { kind: t.kind, name: t.name, line: t.evidence.line, path: t.evidence.path };
}

function where(t: Term): string {
  return `${t.evidence.path}:${t.evidence.line}`;
}

function describe(t: Term): string {
  if (t.kind === 'threshold') return `threshold ${t.name} ${t.comparator ?? ''} ${t.value ?? '?'} (${t.consequence ?? 'no consequence'})`;
  return `${t.kind} ${t.name}${t.text ? ` "${t.text}"` : ''}${t.scope ? ` [${t.scope}]` : ''}`;
}

function licenseKnown(l: LicenseInfo): boolean {
  return l.match !== 'unknown' && l.id !== null;
}

let osi: Set<string> | null = null;
function isOsiApproved(l: LicenseInfo): boolean {
  if (!osi) {
    osi = new Set(Object.entries(spdxList as Record<string, { osiApproved?: boolean }>)
      .filter(([, v]) => v.osiApproved === true).map(([k]) => k.toLowerCase()));
  }
  const set = osi;
  return [l.spdx, l.id].some((id) => !!id && set.has(id.toLowerCase()));
}

/** Distinct deduction key: one deduction per kind+name (+consequence for thresholds). */
function key(t: Term): string {
  return t.kind === 'threshold' ? `threshold:${t.name}:${t.consequence ?? ''}` : `${t.kind}:${t.name}`;
}

function weightOf(t: Term, w: OpennessWeights): number {
  const table = w.weights[t.kind];
  const name = t.kind === 'threshold' ? (t.consequence ?? '') : t.name;
  return table[name] ?? table.default;
}

interface TierDecision { tier: Tier; reasons: Reason[] }

/** `closed` when every grant (outputs aside) is a right to the licensor's service only (hosted.ts). */
function closedDecision(grants: Term[], w: OpennessWeights): TierDecision | null {
  const g = hostedOnly(grants.filter((t) => t.scope !== 'outputs'), w.closed);
  if (!g) return null;
  return { tier: 'closed', reasons: [{ message: `no right to the weights outside the licensor's service: the grants are access to the service only (${describe(g)} at ${where(g)})`, points: 0, term: termRef(g) }] };
}

function decideTier(input: OpennessInput, w: OpennessWeights): TierDecision {
  const { license, terms } = input;
  const grants = terms.filter((t) => t.kind === 'permission');
  const known = licenseKnown(license);
  const standardPermissive = known && (inIdList(license.spdx, w.permissiveSpdx) || inIdList(license.id, w.permissiveSpdx));

  if (!known && grants.length === 0) {
    return {
      tier: 'unknown',
      reasons: [{ message: terms.length
        ? 'license not recognized and no grant of rights found in the text'
        : 'license not recognized and no terms found', points: 0 }],
    };
  }

  const hosted = closedDecision(grants, w);
  if (hosted) return hosted;
  const nc = terms.find((t) => t.kind === 'restriction' && coversWeights(t) && matchesRule(t, w.tierRules.noncommercial));
  if (nc) {
    return { tier: 'open-weight-noncommercial', reasons: [{ message: `weights may not be used commercially: ${describe(nc)} at ${where(nc)}`, points: 0, term: termRef(nc) }] };
  }
  const restr = terms.find((t) => matchesRule(t, w.tierRules.restricted));
  if (restr) {
    return { tier: 'open-weight-restricted', reasons: [{ message: `use is restricted: ${describe(restr)} at ${where(restr)}`, points: 0, term: termRef(restr) }] };
  }
  const cond = terms.find((t) => matchesRule(t, w.tierRules.conditional));
  if (cond) {
    return { tier: 'open-weight-conditional', reasons: [{ message: `permissive grant with a condition that does not restrict use: ${describe(cond)} at ${where(cond)}`, points: 0, term: termRef(cond) }] };
  }
  if (grants.length === 0 && !standardPermissive) {
    return { tier: 'unknown', reasons: [{ message: `license ${license.id} recognized but no grant of rights or restriction found in its terms`, points: 0 }] };
  }
  const why = standardPermissive
    ? `standard permissive license ${license.spdx ?? license.id} with no use restrictions`
    : `grant of rights (${grants.map((g) => g.name).join(', ')}) with no use restrictions`;
  const reasons: Reason[] = [{ message: why, points: 0 }];

  const card = input.card;
  if (card) {
    const hasData = !w.openSource.requireDatasets || card.datasets.length > 0;
    const openCode = card.openCode ?? (w.openSource.openCodeFromOsiLicense && isOsiApproved(license));
    if (hasData && openCode) {
      reasons.push({ message: `model card lists open training data (${card.datasets.join(', ')}) and ${card.openCode ? 'open code' : 'the license is OSI-approved (taken as open code)'}`, points: 0 });
      return { tier: 'open-source', reasons };
    }
    reasons.push({ message: `not open-source: ${!hasData ? 'no training datasets listed on the model card' : 'code not shown to be open'}`, points: 0 });
  }
  return { tier: 'open-weight-permissive', reasons };
}

/** Openness tier, score within the tier's band, and the reasons (each deduction names its term). */
export function assessOpenness(input: OpennessInput): Openness {
  const w = opennessWeights();
  const { tier, reasons } = decideTier(input, w);
  if (tier === 'unknown') return { tier, score: null, reasons };

  const band = w.bands[tier as Exclude<Tier, 'unknown'>];
  let score = band.top;
  const seen = new Map<string, number>();
  for (const t of input.terms) {
    const k = key(t);
    const n = seen.get(k);
    seen.set(k, (n ?? 0) + 1);
    if (n !== undefined) continue;
    const pts = weightOf(t, w);
    if (pts <= 0) continue;
    const lost = Math.min(pts, score - band.floor);
    score -= lost;
    reasons.push({
      message: `${describe(t)} at ${where(t)}: -${pts}${lost < pts ? ` (capped at the ${tier} floor ${band.floor}; ${lost} applied)` : ''}`,
      points: lost,
      term: termRef(t),
    });
  }
  if (!licenseKnown(input.license) && w.unrecognizedLicense > 0) {
    const lost = Math.min(w.unrecognizedLicense, score - band.floor);
    score -= lost;
    reasons.push({ message: `license not recognized; tier taken from the terms found in the text: -${w.unrecognizedLicense}`, points: lost });
  }
  return { tier, score, reasons };
}

/** Tiers from most to least open (unknown excluded). */
export function tierRank(t: Tier): number {
  const i = TIER_ORDER.indexOf(t);
  return i < 0 ? Number.POSITIVE_INFINITY : i;
}
