/**
 * Which regex rules run on a sentence: the keyword automaton's candidates (keywords.ts), then each
 * candidate's gate (a pattern matches, no `unless` pattern does). The gate depends on the sentence and its
 * lead-in only, so on the fast path the decision for a sentence seen before is reused.
 */
import type { CompiledRule, CompiledRules } from './compile.js';
import { scanKeywords } from './keywords.js';
import { textId } from './text-id.js';

/** Does re match anywhere in text (re is compiled with the g flag: lastIndex is reset). */
function found(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}

/** Does a rule's pattern match the sentence with none of its `unless` patterns (a function of the sentence and its lead-in only; combined: "lead + ' ' + text")? */
function gates(cr: CompiledRule, text: string, lead: string | undefined, combined: string | undefined): boolean {
  const target = cr.rule.leadIn === true && combined !== undefined ? combined : text;
  // cheap exit first: most candidate rules match nothing, and then their unless lists need not run
  if (!cr.patterns.some((re) => found(re, target))) return false;
  if (cr.unless.some((re) => found(re, text) || (combined !== undefined && found(re, combined)))) return false;
  if (lead !== undefined && cr.unlessLeadIn.some((re) => found(re, lead))) return false;
  return true;
}

/** Candidate rule indices for a sentence: every occurrence of every keyword, in one pass (keywords.ts). */
function candidates(rules: CompiledRules, text: string): number[] {
  const hit = new Set<number>();
  scanKeywords(rules.keywordAutomaton, text, (k) => {
    for (const i of rules.rulesFor[k]!) hit.add(i);
  });
  return [...hit].sort((a, b) => a - b);
}

/** The keyword candidates of a sentence (with its lead-in, for the rules that read it). */
function keywordCandidates(rules: CompiledRules, view: string, lead: string | undefined): number[] {
  let idx = candidates(rules, view);
  if (lead !== undefined) {
    // rules that read the lead-in may be triggered by a keyword in it
    const extra = candidates(rules, `${lead} ${view}`).filter((ri) => rules.rules[ri]!.rule.leadIn === true);
    if (extra.length) idx = [...new Set([...idx, ...extra])].sort((a, b) => a - b);
  }
  return idx;
}

/** Gated regex rules of sentences seen before, per compiled rule set, keyed by the numbers of lead-in and sentence (text-id.ts; bounded: cleared when full). */
const GATED_MAX = 20_000;
const gatedBy = new WeakMap<CompiledRules, Map<string, number[]>>();

/** The regex rules whose keywords occur and whose patterns gate in on the sentence (see gates), in rule order. */
export function gatedRules(rules: CompiledRules, view: string, lead: string | undefined, fast: boolean): number[] {
  const compute = () => {
    // "lead-in + item", made once for every candidate
    const combined = lead !== undefined ? `${lead} ${view}` : undefined;
    return keywordCandidates(rules, view, lead).filter((ri) => gates(rules.rules[ri]!, view, lead, combined));
  };
  if (!fast) return compute();
  let memo = gatedBy.get(rules);
  if (!memo) gatedBy.set(rules, (memo = new Map()));
  const key = lead === undefined ? `u:${textId(view)}` : `${textId(lead)}:${textId(view)}`;
  let idx = memo.get(key);
  if (!idx) {
    idx = compute();
    if (memo.size >= GATED_MAX) memo.clear();
    memo.set(key, idx);
  }
  return idx;
}
