/**
 * Hosted-only terms (DESIGN "Openness tiers", `closed`: no right to use the weights outside the licensor's
 * service). The text shows it by what it grants: every grant found is a right to access the licensor's service
 * (its API, platform or console), never a copy of the weights: "we grant you a right to access and use the
 * Service", "you may use the model only through our API". A grant that names the weights without limiting them
 * to the service ("you may download and run the Model"), or a right to modify or distribute (which needs a copy),
 * keeps the license open-weight.
 * The words for the service and for the weights are the clause reader's object concepts, named in
 * data/openness-weights.yaml (`closed`).
 */
import { readClause } from '../extract/clause/reader.js';
import { ruleView } from '../extract/engine.js';
import { foldForReading } from '../parse/fold.js';
import type { Term } from '../types.js';

export interface HostedRule {
  /** Object concepts that name the licensor's service. */
  serviceObjects: string[];
  /** Object concepts that name the weights or a copy of them. */
  weightObjects: string[];
  /** Grants that need a copy of the weights (modify, distribute): one found keeps the license open-weight, whatever it names. */
  copyGrants: string[];
}

/** Does this grant's sentence grant access to the service only? */
export function serviceOnlyGrant(t: Term, rule: HostedRule): boolean {
  const parts = readClause(ruleView(foldForReading(t.evidence.sentence).text)).parts;
  const has = (set: Set<string>, names: string[]) => names.some((n) => set.has(n));
  const service = parts.filter((p) => p.role === 'main' && has(p.objects, rule.serviceObjects));
  if (service.length === 0) return false;
  // the weights named beside the service, unless that part limits them to it ("the Model only through the API")
  const weights = parts.filter((p) => has(p.objects, rule.weightObjects));
  return weights.every((p) => p.only && has(p.objects, rule.serviceObjects));
}

/** The first grant, when every grant of the terms is a right to the service only; else null. */
export function hostedOnly(grants: Term[], rule: HostedRule | undefined): Term | null {
  if (!rule || grants.length === 0) return null;
  // "you may modify and Distribute the Gemma Services": a service in name only, the weights are passed on
  if (grants.some((g) => rule.copyGrants.includes(g.name))) return null;
  return grants.every((g) => serviceOnlyGrant(g, rule)) ? grants[0]! : null;
}
