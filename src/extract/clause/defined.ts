/**
 * Terms a definition carries over from another term of the same document (a clause rule's `defined`, rules/README.md):
 * "'Distribute' includes making the Work available to users over a network" makes the duty to offer the source on
 * distribution (disclose-source) a duty towards network users too (network-use-disclose). The term takes the evidence
 * of the term it comes from: the sentence that states the duty.
 */
import type { Term } from '../../types.js';
import type { CompiledRules } from '../compile.js';
import { clauseMatches } from './match.js';
import { readClause } from './reader.js';

export function definedTerms(rules: CompiledRules, views: string[], terms: Term[]): Term[] {
  const out: Term[] = [];
  for (const ri of rules.clauseRules) {
    const rule = rules.rules[ri]!.rule;
    const d = rule.clause?.defined;
    if (!d || terms.some((t) => t.kind === rule.term.kind && t.name === rule.term.name)) continue;
    const by = terms.find((t) => t.name === d.by);
    if (!by) continue;
    const clause = { any: d.any, none: [] };
    const widened = views.some((v) => {
      const r = readClause(v);
      return clauseMatches(clause, r.parts, r.tokens).length > 0;
    });
    if (!widened) continue;
    out.push({ kind: rule.term.kind, name: rule.term.name, rule: rule.id, origin: by.origin, ...(by.via ? { via: by.via } : {}), evidence: by.evidence });
  }
  return out;
}
