/**
 * Commercial-use verdict for a profile (DESIGN "Commercial-use verdicts").
 *
 * Severity: prohibited > license-required > unknown > allowed-with-obligations > allowed.
 * Actions come from data/commercial-actions.yaml, triggered by the profile's activities.
 */
import type { Activity, CommercialUse, LicenseInfo, Openness, Profile, Term, Verdict } from '../types.js';
import { commercialActions, opennessWeights, type CommercialActions } from './data.js';
import { coversWeights } from './openness.js';
import { excludedProfileTerritories } from './territory.js';
import { applyThreshold, type ThresholdResult } from './thresholds.js';

export interface CommercialInput { terms: Term[]; openness: Openness; license: LicenseInfo }

const SEVERITY: Verdict[] = ['allowed', 'allowed-with-obligations', 'unknown', 'license-required', 'prohibited'];
const worse = (a: Verdict, b: Verdict): Verdict => (SEVERITY.indexOf(b) > SEVERITY.indexOf(a) ? b : a);

const at = (t: Term) => `${t.evidence.path}:${t.evidence.line}`;

type TermAction = CommercialActions['terms'][number];

function triggered(spec: TermAction, t: Term, acts: Set<string>): boolean {
  const w = spec.when;
  if (!w) return true;
  if (w.all && w.all.every((g) => g.some((a) => acts.has(a)))) return true;
  if (w.any && w.any.some((a) => acts.has(a))) return true;
  if (w.serveWhenSentenceSays && acts.has('serve')) {
    const s = t.evidence.sentence.toLowerCase();
    if (w.serveWhenSentenceSays.some((p) => s.includes(p.toLowerCase()))) return true;
  }
  return false;
}

function placements(sentence: string, data: CommercialActions): string {
  const s = sentence.toLowerCase();
  const labels = data.placements.filter((p) => p.match.some((m) => s.includes(m.toLowerCase()))).map((p) => p.label);
  if (!labels.length) return 'in your product or service';
  if (labels.length === 1) return `on ${labels[0].startsWith('a ') ? '' : 'the '}${labels[0]}`;
  return `on ${labels.slice(0, -1).join(', ')}, or ${labels[labels.length - 1]}`;
}

function render(spec: TermAction, t: Term, data: CommercialActions): string {
  return spec.action
    .replace('{text}', t.text ?? t.name)
    .replace('{where}', placements(t.evidence.sentence, data));
}

/** The plain-words action for a term (data/commercial-actions.yaml), whatever the profile; null when the table has none. */
export function termActionText(t: Term): string | null {
  const data = commercialActions();
  const spec = data.terms.find((s) => s.kind === t.kind && s.name === t.name);
  return spec ? render(spec, t, data) : null;
}

/** Verdict, actions and applied thresholds for `profile`. */
export function assessCommercialUse(input: CommercialInput, profile: Profile): CommercialUse {
  const data = commercialActions();
  const weights = opennessWeights();
  const { terms, openness } = input;
  const reasons: string[] = [];
  const actions: string[] = [];
  const addAction = (a: string) => { if (!actions.includes(a)) actions.push(a); };
  let verdict = 'allowed' as Verdict; // widened: because() below updates it
  // The first reason that sets each verdict: the summary quotes the one of the final verdict.
  const decisive = new Map<Verdict, string>();
  const because = (v: Verdict, reason: string) => {
    verdict = worse(verdict, v);
    reasons.push(reason);
    if (!decisive.has(v)) decisive.set(v, reason);
  };

  let acts = profile.activities ?? [];
  if (!acts.length) {
    acts = data.activitiesWhenNone as Activity[];
    reasons.push(`the profile lists no activities; assumed ${acts.join(', ')}`);
  }
  const actSet = new Set<string>(acts);

  if (openness.tier === 'unknown') {
    return {
      verdict: 'unknown',
      summary: 'Unknown: the license could not be identified and no grant of rights was found.',
      actions: [],
      thresholds: [],
      reasons: [...reasons, 'openness tier is unknown, so commercial use cannot be judged'],
    };
  }
  if (openness.tier === 'closed') {
    because('prohibited', 'the license grants no right to use the weights outside the licensor\'s service');
  }

  // Non-commercial / research-only / non-production.
  const ncNames = weights.tierRules.noncommercial.restriction ?? [];
  for (const t of terms) {
    if (t.kind !== 'restriction' || !ncNames.includes(t.name)) continue;
    if (coversWeights(t)) {
      because('prohibited', `${t.name} restriction on the ${t.scope ?? 'model'} (${at(t)}) forbids commercial activity (${acts.join(', ')})`);
    } else {
      const hit = acts.filter((a) => data.activitiesUsingOutputs.includes(a));
      if (hit.length) {
        because('prohibited', `${t.name} restriction on outputs (${at(t)}) forbids commercial use of outputs (${hit.join(', ')})`);
      } else {
        reasons.push(`${t.name} restriction covers outputs only (${at(t)}); your activities (${acts.join(', ')}) do not use outputs commercially`);
      }
    }
  }

  // Territory exclusions.
  for (const t of terms) {
    if (t.kind !== 'restriction' || t.name !== 'territory-exclusion') continue;
    if (!t.territories?.length) {
      because('unknown', `territory exclusion at ${at(t)} names no territory that could be checked`);
      continue;
    }
    if (!profile.territories.length) {
      because('unknown', `territory exclusion (${t.territories.join(', ')}) at ${at(t)}: the profile lists no territories`);
      continue;
    }
    const hit = excludedProfileTerritories(t.territories, profile.territories);
    if (hit.length) {
      because('prohibited', `territory exclusion (${t.territories.join(', ')}) at ${at(t)} covers your territories: ${hit.join(', ')}`);
    } else {
      reasons.push(`territory exclusion (${t.territories.join(', ')}) at ${at(t)} does not cover your territories (${profile.territories.join(', ')})`);
    }
  }

  // Restrictions that forbid a specific activity.
  for (const p of data.prohibitedByActivity) {
    for (const t of terms) {
      if (t.kind !== p.kind || t.name !== p.name) continue;
      const hit = p.activities.filter((a) => actSet.has(a));
      if (hit.length) {
        because('prohibited', `${t.name} (${at(t)}) forbids ${hit.join(', ')}`);
      }
    }
  }

  // Thresholds: grouped by consequence (and display text); a group applies when any member is crossed
  // (licenses join them with "or"); otherwise a member lacking a profile value makes it unknown.
  const results: ThresholdResult[] = terms.filter((t) => t.kind === 'threshold').map((t) => applyThreshold(t, profile));
  const groups = new Map<string, ThresholdResult[]>();
  for (const r of results) {
    const k = `${r.term.consequence ?? 'none'}|${r.term.text ?? ''}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const displayTexts: string[] = [];
  let conditionalDisplay = false;
  for (const group of groups.values()) {
    const consequence = group[0].term.consequence;
    if (consequence === 'attribution-display') conditionalDisplay = true;
    const crossed = group.filter((r) => r.applied.crossed === true);
    const missing = group.filter((r) => r.applied.crossed === null);
    // A ceiling ('<', '<=': "if your users do not exceed N, ...") states what holds under it; a profile outside it is
    // not covered by what the sentence grants there, so it needs a license (fail closed), whatever consequence was read.
    const outside = consequence === 'attribution-display' ? [] : group.filter((r) => isCeiling(r.applied.comparator) && r.applied.crossed === false);
    if (outside.length) {
      const what = outside.map((r) => r.applied.headroom).join('; ');
      because('license-required', `above a ceiling the license states (${what}): what it grants under the ceiling does not cover you, so a separate license from the licensor is required`);
      addAction('Request a license from the licensor before use: you are above the ceiling the license states');
    }
    // a ceiling with no consequence ("if your users do not exceed N, your registration counts as the license; if they
    // exceed N, you must request one") states what the license grants under it: a profile within it is covered, but
    // only when the license also states what holds above the same limit (the other half, with its consequence); a
    // ceiling alone whose consequence was not read ("below 1M users, contact us before ...") stays unknown (fail closed)
    const within = consequence === undefined && crossed.length > 0
      && crossed.every((r) => isCeiling(r.applied.comparator) && hasStatedComplement(r, results));
    if (within) {
      reasons.push(`within a ceiling the license states (${crossed.map((r) => r.applied.headroom).join('; ')}): what it grants under the ceiling covers you`);
    } else if (crossed.length) {
      const what = crossed.map((r) => r.applied.headroom).join('; ');
      switch (consequence) {
        case 'license-required':
          because('license-required', `threshold crossed (${what}): a separate license from the licensor is required`);
          addAction('Request a license from the licensor before use: you are over the size threshold');
          break;
        case 'fee':
          because('license-required', `threshold crossed (${what}): a fee or commercial agreement is due`);
          addAction('Contact the licensor about the fee due above the threshold');
          break;
        case 'prohibited':
          because('prohibited', `threshold crossed (${what}): the license no longer permits use`);
          break;
        case 'attribution-display':
          displayTexts.push(...crossed.map((r) => r.term.text).filter((x): x is string => !!x));
          displayTexts.push('');
          reasons.push(`threshold crossed (${what}): attribution display required`);
          break;
        default:
          because('unknown', `threshold crossed (${what}) with no stated consequence`);
      }
    } else if (missing.length) {
      for (const r of missing) {
        because('unknown', `threshold ${r.applied.metric} ${r.applied.comparator} ${r.applied.limit} (${r.term.consequence ?? 'no consequence'}) at ${at(r.term)} needs ${r.missing ?? 'a profile value'}, which the profile does not give`);
      }
    } else if (!outside.length) {
      reasons.push(`threshold not crossed: ${group.map((r) => r.applied.headroom).join('; ')}`);
    }
  }

  // Attribution obligations tied to a display threshold apply only when it is crossed.
  const thresholdTexts = new Set(results.filter((r) => r.term.consequence === 'attribution-display' && r.term.text).map((r) => r.term.text as string));
  const isConditionalDisplay = (t: Term) => conditionalDisplay
    && (thresholdTexts.size === 0 || (t.text !== undefined && thresholdTexts.has(t.text)));
  if (displayTexts.length) {
    const fromObligations = terms.filter((t) => t.kind === 'obligation' && t.name === 'attribution-display' && isConditionalDisplay(t));
    const spec = data.terms.find((s) => s.kind === 'obligation' && s.name === 'attribution-display');
    const named = displayTexts.filter((x) => x);
    if (fromObligations.length && spec) for (const t of fromObligations) addAction(render(spec, t, data));
    else if (named.length) for (const x of new Set(named)) addAction(`Display '${x}' on the user interface of your product or service`);
    else addAction('Display the attribution the license requires on your product or service');
  }

  // Obligations and restrictions that hold for the profile's activities.
  for (const t of terms) {
    if (t.kind === 'threshold' || t.kind === 'permission') continue;
    if (t.kind === 'obligation' && t.name === 'attribution-display' && isConditionalDisplay(t)) continue;
    const spec = data.terms.find((s) => s.kind === t.kind && s.name === t.name);
    if (!spec) continue;
    if (triggered(spec, t, actSet)) addAction(render(spec, t, data));
  }
  for (const t of terms) {
    if (t.kind === 'termination' && t.name === 'remote-restriction') reasons.push(`the licensor may restrict use remotely (${at(t)})`);
    if (t.kind === 'other' && t.name === 'unilateral-updates') reasons.push(`the licensor may change the terms (${at(t)})`);
  }

  if (verdict === 'allowed' && actions.length) verdict = 'allowed-with-obligations';
  return {
    verdict,
    summary: summarize(verdict, acts, actions.length, decisive.get(verdict)),
    // A prohibited use has nothing to comply with: the actions would mislead.
    actions: verdict === 'prohibited' ? [] : actions,
    thresholds: results.map((r) => r.applied),
    reasons,
  };
}

/** One sentence for the verdict, quoting the reason that set it (`why`). */
function summarize(v: Verdict, acts: string[], n: number, why: string | undefined): string {
  const forActs = `for ${acts.join(', ')}`;
  switch (v) {
    case 'allowed': return `Allowed ${forActs} with no obligations found.`;
    case 'allowed-with-obligations': return `Allowed ${forActs} with ${n} obligation${n === 1 ? '' : 's'}.`;
    case 'license-required': return `A separate license is required ${forActs}: ${why ?? 'a threshold is crossed'}.`;
    case 'prohibited': return `Prohibited ${forActs}: ${why ?? 'the license forbids it'}.`;
    default: return `Unknown ${forActs}: ${why ?? 'not enough information'}.`;
  }
}

/** A threshold stated as a ceiling under which something holds ("less than", "does not exceed"). */
function isCeiling(comparator: string): boolean {
  return comparator === '<' || comparator === '<=';
}

/** The license states the other side of this ceiling: a threshold of the same metric and value, not a ceiling, with a consequence. */
function hasStatedComplement(r: ThresholdResult, all: ThresholdResult[]): boolean {
  return all.some((o) => o !== r && o.term.name === r.term.name && o.term.value === r.term.value
    && !isCeiling(o.applied.comparator) && o.term.consequence !== undefined);
}
