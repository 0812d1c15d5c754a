/**
 * Runs the clause-form rules on one sentence: reads it once (reader.ts), checks each rule's constraints
 * (match.ts), fills the term's fields (threshold numbers, quoted text, and the rule's context fields).
 */
import type { Term } from '../../types.js';
import type { CompiledRules } from '../compile.js';
import type { Rule } from '../schema.js';
import { readerLexicons } from './lexicon.js';
import { clauseMatches } from './match.js';
import { firstQuoted, readClause, type Reading } from './reader.js';
import { readThreshold } from './threshold.js';

export type ClauseFields = Partial<Pick<Term, 'value' | 'comparator' | 'period' | 'currency' | 'consequence' | 'text' | 'territories' | 'scope'>>;

/** Context fields of a rule (scope, territories, consequence, ...) read from the sentence, by the engine's field reader. */
export type ContextReader = (rule: Rule, target: string) => { fields: ClauseFields; missing: boolean };

export interface ClauseInput {
  /** The text read: the sentence, or "lead-in + item" for a list item. */
  target: string;
  /** Length of the lead-in part of target (0 without one): a match must reach past it. */
  leadLength: number;
}

/** The tokens of a reading that lie in the lead-in. */
function firstItemToken(r: Reading, leadLength: number): number {
  if (leadLength === 0) return 0;
  const i = r.tokens.findIndex((t) => t.start >= leadLength);
  return i < 0 ? r.tokens.length : i;
}

/**
 * The concepts one of which a sentence must name for the clause to have a chance (from each alternative's first
 * required concept list: qualifier, action, object or metric), or null when some alternative needs none.
 */
const triggers = new WeakMap<object, string[] | null>();
function triggerOf(rule: Rule): string[] | null {
  const clause = rule.clause!;
  if (triggers.has(clause)) return triggers.get(clause)!;
  let keys: string[] | null = [];
  for (const c of clause.any) {
    const [cat, list] = c.qualifier ? ['qualifier', c.qualifier] : c.action ? ['action', c.action] : c.object ? ['object', c.object] : c.metric ? ['metric', c.metric] : [null, null];
    if (!cat) { keys = null; break; }
    keys.push(...list!.map((x) => `${cat}/${x}`));
  }
  triggers.set(clause, keys);
  return keys;
}

export function applyClauseRules(rules: CompiledRules, indices: readonly number[], input: ClauseInput, context: ContextReader): Array<{ index: number; fields: ClauseFields }> {
  if (!indices.length) return [];
  const reading = readClause(input.target);
  if (!reading.tags.length) return [];
  const named = new Set(reading.tags.map((t) => t.key));
  const minToken = firstItemToken(reading, input.leadLength);
  const out: Array<{ index: number; fields: ClauseFields }> = [];
  for (const ri of indices) {
    const rule = rules.rules[ri]!.rule;
    const clause = rule.clause!;
    const trigger = triggerOf(rule);
    if (trigger && !trigger.some((k) => named.has(k))) continue;
    const parts = clauseMatches(clause, reading.parts, reading.tokens, minToken);
    if (!parts.length) continue;
    // territories are read from the matching part on (a place named before it, as in an address, is not excluded)
    const from = rule.fields.territories ? reading.tokens[parts[0]!.start]?.start ?? 0 : 0;
    const { fields, missing } = context(rule, from > 0 ? input.target.slice(from) : input.target);
    if (missing) continue;
    if (clause.text === 'quoted') {
      // the text when the sentence quotes it; a duty without a quoted text is still the term
      const q = firstQuoted(input.target);
      if (q !== undefined) fields.text = q;
    }
    if (clause.threshold) {
      const metric = clause.threshold.metric;
      const tag = reading.tags.find((t) => t.category === 'metric' && t.concept === metric && parts.some((p) => t.start >= p.start && t.start < p.end));
      if (!tag) continue;
      const tStart = reading.tokens[tag.start]!.start;
      const tEnd = reading.tokens[tag.end - 1]!.end;
      const th = readThreshold(input.target, tStart, tEnd, rules.norm, readerLexicons().metrics, clause.threshold.percent === true);
      if (!th) continue;
      // a number with no comparator, in a sentence with no modality, condition, "only" or consequence, describes
      // ("our service had 2 million users"): it sets no threshold; `framed` rules ask for both a frame and a comparator
      const framed = fields.consequence !== undefined || reading.parts.some((p) => p.role === 'condition' || p.modality !== undefined || p.only);
      if (clause.threshold.framed === true ? !framed || !th.comparator : !framed && !th.comparator) continue;
      fields.value = th.value;
      if (th.comparator) fields.comparator = th.comparator;
      if (fields.currency === undefined && th.currency) fields.currency = th.currency;
      if (fields.period === undefined && th.period) fields.period = th.period;
    }
    out.push({ index: ri, fields });
  }
  return out;
}
