/**
 * Runs the clause-form rules on one sentence: reads it once (reader.ts), checks each rule's constraints
 * (match.ts), fills the term's fields (threshold numbers, quoted text, and the rule's context fields).
 */
import type { Term } from '../../types.js';
import type { CompiledRules } from '../compile.js';
import type { Rule } from '../schema.js';
import type { ClauseCond } from './schema.js';
import { readerLexicons } from './lexicon.js';
import { clauseMatches } from './match.js';
import type { Part } from './parts.js';
import { firstQuoted, readClause, type Reading } from './reader.js';
import { readThreshold } from './threshold.js';
import { ceilingComplement, otherMetrics, thresholdHalves } from './halves.js';
import { isChinese, tokenize, type Token } from './tokens.js';
import { possibleClauseRules } from '../prefilter.js';

export type ClauseFields = Partial<Pick<Term, 'value' | 'comparator' | 'period' | 'currency' | 'consequence' | 'text' | 'territories' | 'scope'>>;

/** Context fields of a rule (scope, territories, consequence, ...) read from the sentence, by the engine's field reader. */
export type ContextReader = (rule: Rule, target: string) => { fields: ClauseFields; missing: boolean };

export interface ClauseInput {
  /** The text read: the sentence, or "lead-in + item" for a list item. */
  target: string;
  /** Length of the lead-in part of target (0 without one): a match must reach past it. */
  leadLength: number;
  /**
   * Fast path (default): run only the rules the sentence's words can trigger (../prefilter.ts) and reuse the
   * reading of a sentence read before; false reads every sentence in full (the test that both agree).
   */
  fast?: boolean;
}

/** A sentence as the fast path keeps it: its tokens, the clause rules it may meet, its reading once made. */
interface Seen {
  tokens: Token[];
  possible: Set<number> | null;
  reading?: Reading;
  /** Tag keys of the reading. */
  named?: Set<string>;
  /** The words of the sentence (lowercase tokens). */
  words?: Set<string>;
  /** Per rule index: the alternatives of its clause the sentence may meet (mayMeet), or null. */
  alternatives?: Map<number, readonly ClauseCond[] | null>;
  /** Per rule index: the threshold read at its metric (readThreshold), once read. */
  thresholds?: Map<number, ReturnType<typeof readThreshold>>;
  /** The matching parts per lead length, then rule index (a function of the reading and the lead length). */
  parts?: Map<number, Map<number, Part[]>>;
}

/** Readings of sentences seen before, per compiled rule set (bounded: cleared when full). */
const SEEN_MAX = 8_000;
const seenBy = new WeakMap<CompiledRules, Map<string, Seen>>();

function seenSentence(rules: CompiledRules, target: string): Seen {
  let memo = seenBy.get(rules);
  if (!memo) seenBy.set(rules, (memo = new Map()));
  let s = memo.get(target);
  if (s) return s;
  const tokens = tokenize(target);
  s = { tokens, possible: isChinese(target) ? null : possibleClauseRules(rules.clausePrefilter(), tokens) };
  if (memo.size >= SEEN_MAX) memo.clear();
  memo.set(target, s);
  return s;
}

/** The reading of a sentence on the fast path: made once per sentence, shared by every caller (the permission veto, the clause rules). */
export function seenReading(rules: CompiledRules, target: string): Reading {
  const seen = seenSentence(rules, target);
  return (seen.reading ??= readClause(target, seen.tokens));
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
const triggers = new WeakMap<CompiledRules, Array<string[] | null | undefined>>();
function triggerOf(cache: Array<string[] | null | undefined>, ri: number, rule: Rule): string[] | null {
  const known = cache[ri];
  if (known !== undefined) return known;
  const clause = rule.clause!;
  let keys: string[] | null = [];
  for (const c of clause.any) {
    const [cat, list] = c.qualifier ? ['qualifier', c.qualifier] : c.action ? ['action', c.action] : c.object ? ['object', c.object] : c.metric ? ['metric', c.metric] : [null, null];
    if (!cat) { keys = null; break; }
    keys.push(...list!.map((x) => `${cat}/${x}`));
  }
  cache[ri] = keys;
  return keys;
}

/**
 * What each alternative of a rule's clause needs the sentence to name, every list at least once (a part's actions,
 * objects, qualifiers and metrics are concepts the sentence's tags name; its words are the sentence's words): the
 * fast path skips a rule no alternative of which the sentence can meet (the full reading checks every rule).
 */
type Needs = Array<Array<{ keys?: string[]; words?: string[] }>>;
const needsBy = new WeakMap<CompiledRules, Array<Needs | undefined>>();
function needsOf(cache: Array<Needs | undefined>, ri: number, rule: Rule): Needs {
  const known = cache[ri];
  if (known) return known;
  const out: Needs = rule.clause!.any.map((c) => {
    const lists: Array<{ keys?: string[]; words?: string[] }> = [];
    const concepts = (cat: string, list: string[] | undefined) => { if (list) lists.push({ keys: list.map((x) => `${cat}/${x}`) }); };
    concepts('action', c.action);
    concepts('object', c.object);
    concepts('qualifier', c.qualifier);
    concepts('metric', c.metric);
    concepts('action', c.andAction);
    concepts('object', c.andObject);
    if (c.word) lists.push({ words: c.word });
    if (c.andWord) lists.push({ words: c.andWord });
    return lists;
  });
  cache[ri] = out;
  return out;
}
/**
 * The alternatives of a rule's clause the sentence may meet (those whose lists it names, in rule order), or null when it
 * may meet none: a part meets an alternative only with concepts and words of its sentence, so the others need no look.
 */
function mayMeet(any: readonly ClauseCond[], needs: Needs, named: Set<string>, words: Set<string>): readonly ClauseCond[] | null {
  let out: ClauseCond[] | null = null;
  let all = true;
  for (let a = 0; a < needs.length; a++) {
    if (meetsAll(needs[a]!, named, words)) (out ??= []).push(any[a]!);
    else all = false;
  }
  return all ? any : out;
}
/** Every list names something of the sentence: a concept of its tags (keys) or one of its words. */
function meetsAll(lists: Needs[number], named: Set<string>, words: Set<string>): boolean {
  for (const l of lists) {
    const set = l.keys ? named : words;
    let hit = false;
    for (const x of l.keys ?? l.words!) if (set.has(x)) { hit = true; break; }
    if (!hit) return false;
  }
  return true;
}

/** The first token territories are read from: the matching part's, or an exception part's before it. */
function territoryStart(all: Part[], match: Part): number {
  let start = match.start;
  for (const p of all) if (p.role === 'exception' && p.start < start) start = p.start;
  return start;
}

export function applyClauseRules(rules: CompiledRules, indices: readonly number[], input: ClauseInput, context: ContextReader): Array<{ index: number; fields: ClauseFields }> {
  if (!indices.length) return [];
  let reading: Reading;
  let named: Set<string>;
  let seen: Seen | undefined;
  if (input.fast !== false) {
    seen = seenSentence(rules, input.target);
    const possible = seen.possible;
    if (possible) indices = indices.filter((ri) => possible.has(ri));
    if (!indices.length) return [];
    reading = seen.reading ??= readClause(input.target, seen.tokens);
    named = seen.named ??= new Set(reading.tags.map((t) => t.key));
  } else {
    reading = readClause(input.target);
    named = new Set(reading.tags.map((t) => t.key));
  }
  if (!reading.tags.length) return [];
  const minToken = firstItemToken(reading, input.leadLength);
  const matches = (ri: number, any: readonly ClauseCond[] | undefined): Part[] => {
    const compute = () => clauseMatches(rules.rules[ri]!.rule.clause!, reading.parts, reading.tokens, minToken, any);
    if (!seen) return compute();
    const byLead = (seen.parts ??= new Map());
    let memo = byLead.get(input.leadLength);
    if (!memo) byLead.set(input.leadLength, (memo = new Map()));
    let parts = memo.get(ri);
    if (!parts) memo.set(ri, (parts = compute()));
    return parts;
  };
  let triggerCache = triggers.get(rules);
  if (!triggerCache) triggers.set(rules, (triggerCache = []));
  let needsCache = needsBy.get(rules);
  if (!needsCache) needsBy.set(rules, (needsCache = []));
  const words = seen ? (seen.words ??= new Set(reading.tokens.map((t) => t.low))) : null;
  const out: Array<{ index: number; fields: ClauseFields }> = [];
  for (const ri of indices) {
    const rule = rules.rules[ri]!.rule;
    const clause = rule.clause!;
    const trigger = triggerOf(triggerCache, ri, rule);
    if (trigger && !trigger.some((k) => named.has(k))) continue;
    let any: readonly ClauseCond[] | null | undefined;
    if (seen && words) {
      const alts = (seen.alternatives ??= new Map());
      any = alts.get(ri);
      if (any === undefined) alts.set(ri, (any = mayMeet(clause.any, needsOf(needsCache, ri, rule), named, words)));
    }
    if (any === null) continue;
    const parts = matches(ri, any);
    if (!parts.length) continue;
    // territories are read from the matching part on (a place named before it, as in an address, is not excluded),
    // or from an exception before it, which names what is left out ("除德国和法国外，您可在全球范围内使用")
    const from = rule.fields.territories ? reading.tokens[territoryStart(reading.parts, parts[0]!)]?.start ?? 0 : 0;
    const { fields, missing } = context(rule, from > 0 ? input.target.slice(from) : input.target);
    if (missing) continue;
    if (clause.text === 'quoted') {
      // the text when the sentence quotes it; a duty without a quoted text is still the term
      const q = firstQuoted(input.target);
      if (q !== undefined) fields.text = q;
    }
    if (clause.threshold) {
      // two halves with a threshold each ("does not exceed N, ...; is greater than N, you must ..."): one term per half
      const halves = thresholdHalves(rules, rule, input.target, reading, parts, fields, context);
      if (halves) { for (const f of halves) out.push({ index: ri, fields: f }); continue; }
      const metric = clause.threshold.metric;
      const tag = reading.tags.find((t) => t.category === 'metric' && t.concept === metric && parts.some((p) => t.start >= p.start && t.start < p.end));
      if (!tag) continue;
      const tStart = reading.tokens[tag.start]!.start;
      const tEnd = reading.tokens[tag.end - 1]!.end;
      // (a function of the reading and the rule: kept with the reading, a definition sentence is read on every document)
      const read = () => readThreshold(input.target, tStart, tEnd, rules.norm, readerLexicons().metrics, clause.threshold!.percent === true, otherMetrics(reading, metric));
      let th: ReturnType<typeof readThreshold>;
      if (seen) {
        const ths = (seen.thresholds ??= new Map());
        if (ths.has(ri)) th = ths.get(ri);
        else ths.set(ri, (th = read()));
      } else th = read();
      if (!th) continue;
      // a number with no comparator, in a sentence with no modality, condition, "only" or consequence, describes
      // ("our service had 2 million users"): it sets no threshold; `framed` rules ask for both a frame and a comparator
      const framed = fields.consequence !== undefined || reading.parts.some((p) => p.role === 'condition' || p.modality !== undefined || p.only);
      if (clause.threshold.framed === true ? !framed || !th.comparator : !framed && !th.comparator) continue;
      fields.value = th.value;
      if (th.comparator) fields.comparator = th.comparator;
      if (fields.currency === undefined && th.currency) fields.currency = th.currency;
      if (fields.period === undefined && th.period) fields.period = th.period;
      // no consequence word, but the threshold sits in a prohibition (a list item under "You agree not to use the
      // model: ... (a) if you earned more than $5M"): crossing it is prohibited
      if (rule.fields.consequence && fields.consequence === undefined && reading.parts.some((p) => p.role === 'main' && p.modality === 'prohibition' && !p.definition && !p.hypothetical)) fields.consequence = 'prohibited';
      // a ceiling whose consequence is stated elsewhere ("...; all others must obtain a license"): that is the complement's
      const sides = rule.fields.consequence ? ceilingComplement(rules, input.target, tStart, fields) : undefined;
      if (sides) { for (const f of sides) out.push({ index: ri, fields: f }); continue; }
    }
    out.push({ index: ri, fields });
  }
  return out;
}
