/**
 * The extract stage: finds terms (DESIGN vocabulary) in a parsed document with
 * the declarative rules in rules/. Each term carries the exact sentence it
 * came from, with its 1-based line and column.
 *
 * Rules see a "view" of each sentence: markdown emphasis markers (`**`, `__`,
 * `*`) are removed, so `"**Notice**"` reads as `"Notice"`. Evidence still
 * quotes the input sentence exactly. A list item that follows a lead-in
 * sentence ending with ':' ("You will not:") carries that lead-in: `unless`
 * patterns are also tested against "lead-in + item", and rules with
 * `leadIn: true` match their patterns against "lead-in + item" (see
 * rules/README.md).
 */
import type { ParsedDocument, Segment, Sentence, Term, TermOrigin } from '../types.js';
import { getRules, type CompiledRule, type CompiledRules } from './compile.js';
import { fieldValue, type Fields, type SentenceView } from './fields.js';
import { splitSentences } from '../parse/sentences.js';
import { foldForReading } from '../parse/fold.js';
import { gatedRules } from './gate.js';
import { definedTerms } from './clause/defined.js';
import { unlessTerms, type PendingTerm } from './clause/unless.js';
import { asks as isQuestion, asksOrNames } from './asks.js';
import { applyClauseRules, seenReading, type ClauseFields } from './clause/apply.js';
import { vetoesGrant } from './clause/grant-veto.js';
import { framedAway } from './clause/nothing-frame.js';
import { readClause, type Reading } from './clause/reader.js';
import type { Rule } from './schema.js';
import { hitsKey, storeHits, storedHits, type Hit } from './sentence-hits.js';
import { fastPathsOn } from '../fast-path.js';
import { thresholdStatedElsewhere } from './threshold-merge.js';
import { textId } from './text-id.js';
import { DEFINITION, glossDefinedNames } from './defined-names.js';

export interface ExtractOptions {
  rules?: CompiledRules;
  origin?: TermOrigin;
  via?: string;
  split?: (doc: ParsedDocument) => Sentence[];
  /**
   * Fast paths (default on; env OML_NO_FASTPATH=1 turns them off): the clause rules' prefilter, and reuse of
   * what was decided about a sentence seen before (which regex rules gate in, the clause reading, and what
   * the rules found in it when its surroundings are the same too: sentence-hits.ts). Off,
   * every rule is tried on every sentence; the results are the same (test/extract/fastpath.test.ts).
   */
  fast?: boolean;
}

/** Whether extraction takes its fast paths by default (OML_NO_FASTPATH=1: no; src/fast-path.ts). */
export const fastPathDefault: () => boolean = fastPathsOn;

/** How many sentences after the matched one (same segment) the consequence may be read from. */
export const CONSEQUENCE_LOOKAHEAD = 2;

/**
 * Markdown emphasis delimiters: a run of 1-3 `*` or 2-3 `_` that touches a
 * non-space character on at least one side (so "5 * 3" and a "* " bullet stay).
 */
const EMPHASIS = /(?<=\S)(?:\*{1,3}|_{2,3})|(?:\*{1,3}|_{2,3})(?=\S)/g;

/** The text rules see: the sentence without markdown emphasis markers. */
export function ruleView(text: string): string {
  if (!text.includes('*') && !text.includes('__')) return text;
  return text.replace(EMPHASIS, '');
}

/** The rule view of sentences read before (folded, emphasis removed: a function of the text), bounded: cleared when full. */
const VIEW_MEMO_MAX = 20_000;
const viewMemo = new Map<string, string>();
function viewOf(text: string): string {
  let v = viewMemo.get(text);
  if (v === undefined) {
    v = ruleView(foldForReading(text).text);
    if (viewMemo.size >= VIEW_MEMO_MAX) viewMemo.clear();
    viewMemo.set(text, v);
  }
  return v;
}

/** A list marker at the start of a sentence: bullet, "1.", "1.2)", "a)", "(iv)", "A.". */
const ITEM_MARKER = /^(?:[-*•·+▪◦●]|\d{1,3}(?:\.\d{1,3}){1,3}(?=[ \t]+[A-Z])|\(?(?:\d{1,3}(?:\.\d{1,3}){0,3}|[a-z]{1,4}|[A-Z]|[IVXLC]{2,6})[.)]|\((?:[a-z0-9]{1,4}|[A-Z]|[IVXLC]{2,6})\))[ \t]/;

/** Nesting class of a list item: the marker style (plain text) or the indentation (markdown list items). */
function itemClass(view: string, s: Sentence, seg: Segment | undefined, first: boolean): string | null {
  const m = ITEM_MARKER.exec(view);
  if (m) {
    const k = m[0].trim().replace(/[().]+/g, '');
    if (/^[-*•·+▪◦●]$/.test(k)) return `bullet${k}@${s.column}`;
    // "1.1" and "1.1.1" are different levels
    if (/^\d/.test(k)) return `num${m[0].trim().split('.').filter((x) => /\d/.test(x)).length}`;
    if (/^(?:i|[ivxlc]{2,})$/.test(k)) return 'roman';
    if (/^(?:I|[IVXLC]{2,})$/.test(k)) return 'ROMAN';
    return k === k.toLowerCase() ? 'alpha' : 'ALPHA';
  }
  if (first && seg?.kind === 'list-item') return `col${seg.column}`;
  return null;
}

const LEAD_END = /:\s*$/;

/** A lead-in: a sentence ending with ':'; cls is the class of the item it belongs to, listCls that of its items. */
interface Frame { cls: string | null; text: string; listCls?: string }

/**
 * For each sentence that is a list item under a lead-in ending with ':', the
 * lead-in chain (outer lead-in, then any nested lead-in inside an item),
 * joined with spaces, in rule-view form.
 * - A list item is a sentence that starts with a list marker, the first
 *   sentence of a markdown list-item segment, or a segment starting with a
 *   lowercase letter or an opening quote right after a lead-in (an unmarked
 *   continuation, such as the quoted notice after "the following statement:").
 * - The first item under a lead-in fixes the marker style of its list; an item
 *   of another style closes the lead-in (so "2)" after "a) ... d)" is a new section),
 *   unless an enclosing lead-in has that style.
 * - A sentence that continues an item and ends with ':' is a nested lead-in;
 *   a sentence that is not an item and starts a new segment ends every list.
 */
export function leadIns(doc: ParsedDocument, sentences: Sentence[], views: string[]): Array<string | undefined> {
  const out: Array<string | undefined> = new Array(sentences.length);
  let stack: Frame[] = [];
  let inList = false;
  let itemCls: string | null = null;
  sentences.forEach((s, i) => {
    const view = views[i]!;
    const first = i === 0 || sentences[i - 1]!.segment !== s.segment;
    let cls = itemClass(view, s, doc.segments[s.segment], first);
    // an unmarked block right after a lead-in that continues it: lowercase start, or a quotation ("the following notice:" / “...”)
    if (cls === null && first && stack.length && /^[a-z"“‘«]/.test(view)) cls = 'plain';
    if (cls !== null) {
      while (stack.length) {
        const top = stack[stack.length - 1]!;
        // "i)" after "h)" is a letter, not a roman numeral
        if (cls === 'roman' && top.listCls === 'alpha' && /^\(?i[.)]/.test(view)) cls = 'alpha';
        if (top.listCls === undefined && top.cls !== cls) { top.listCls = cls; break; }
        if (top.listCls === cls) break;
        stack.pop();
      }
      if (stack.length) out[i] = stack.map((f) => f.text).join(' ');
      if (LEAD_END.test(view)) stack.push({ cls, text: view });
      itemCls = cls;
      inList = true;
      return;
    }
    if (inList && !first) {
      // a further sentence of the current item; ending with ':' it leads a nested list
      if (LEAD_END.test(view)) stack.push({ cls: itemCls, text: view });
      return;
    }
    stack = LEAD_END.test(view) ? [{ cls: null, text: view }] : [];
    inList = false;
  });
  return out;
}

/** How many earlier sentences of the segment a `fallback: preceding` scope reads. */
const SCOPE_LOOKBEHIND = 3;

/** The uses of definitions found before (see extractTerms), bounded: cleared when full. */
const USES_MAX = 2_000;
const usesMemo = new Map<string, string[]>();

/** How many sentences using a defined term are read for the consequence of its definition. */
const DEFINED_USES = 20;

/** The fields of every match of a rule that gates in (see gates). */
function matchRule(rules: CompiledRules, cr: CompiledRule, sv: SentenceView): Fields[] {
  const combined = sv.lead !== undefined ? `${sv.lead} ${sv.text}` : undefined;
  const useLead = cr.rule.leadIn === true && combined !== undefined;
  const target = useLead ? combined : sv.text;
  // with a lead-in, a match must reach into the item itself (the lead-in alone is matched as its own sentence)
  const minEnd = useLead ? sv.lead!.length + 1 : 0;
  const out: Fields[] = [];
  for (const re of cr.patterns) {
    // an exec loop on the compiled /g regex (matchAll would clone the regex on every call)
    re.lastIndex = 0;
    for (let m = re.exec(target); m !== null; m = re.exec(target)) {
      if (m[0].length === 0) re.lastIndex++;
      if (m.index + m[0].length <= minEnd) continue;
      const groups = m.groups ?? {};
      const f: Record<string, unknown> = {};
      let missing = false;
      for (const [field, spec] of Object.entries(cr.rule.fields)) {
        const v = fieldValue(rules, spec!, groups, target, sv);
        if (v !== undefined) f[field] = v;
        else if (spec!.required) missing = true;
      }
      if (missing) continue;
      if (cr.rule.term.kind === 'threshold' && typeof f.value !== 'number') continue;
      out.push(f as Fields);
    }
  }
  return out;
}

/** A clause rule's fields that read the sentence (scope, territories, consequence, ...): no capture groups. */
function contextFields(rules: CompiledRules, rule: Rule, target: string, sv: SentenceView): { fields: ClauseFields; missing: boolean } {
  const f: Record<string, unknown> = {};
  let missing = false;
  for (const [field, spec] of Object.entries(rule.fields)) {
    const v = fieldValue(rules, spec!, {}, target, sv);
    if (v !== undefined) f[field] = v;
    else if (spec!.required) missing = true;
  }
  return { fields: f as ClauseFields, missing };
}

/** Identity of a term: two terms with the same key say the same thing (used for dedup and for template comparison). */
export function termKey(t: Term): string {
  const base = [t.kind, t.name, t.text ?? '', (t.territories ?? []).join(',')];
  if (t.kind === 'threshold') base.push(String(t.value), t.comparator ?? '', t.period ?? '', t.currency ?? '', t.consequence ?? '');
  return base.join('|');
}

function mergeScope(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b || a === b) return a;
  return 'both';
}

/** What the regex rules `idx` (gated in) and the clause rules find in one sentence: rule index and fields. */
function sentenceHits(rules: CompiledRules, idx: number[], sv: SentenceView, fast: boolean): Hit[] {
  const hits: Hit[] = [];
  for (const ri of idx) for (const f of matchRule(rules, rules.rules[ri]!, sv)) hits.push({ index: ri, fields: f });
  const combined = sv.lead !== undefined ? `${sv.lead} ${sv.text}` : sv.text;
  // a permission's fixed phrase states no right where the clause reader reads something else (grant-veto.ts)
  let veto: boolean | undefined;
  const vetoed = (h: Hit) => rules.rules[h.index]!.rule.term.kind === 'permission' && (veto ??= vetoesGrant(combined, fast ? (t) => seenReading(rules, t) : undefined));
  if (hits.some(vetoed)) hits.splice(0, hits.length, ...hits.filter((h) => !vetoed(h)));
  // the regex form is the escape hatch for fixed phrases: where it found a term, the clause form of that term adds nothing
  const byRegex = new Set(hits.map((h) => rules.termIds[h.index]!));
  const clauseIdx = byRegex.size ? rules.clauseRules.filter((ri) => !byRegex.has(rules.termIds[ri]!)) : rules.clauseRules;
  hits.push(...applyClauseRules(rules, clauseIdx, { target: combined, leadLength: sv.lead !== undefined ? sv.lead.length + 1 : 0, fast },
    (rule, target) => contextFields(rules, rule, target, sv)));
  // no ban and no duty, of either form, where the sentence says none exists ("Nothing in this Licence requires you to display ...")
  const kindOf = (h: Hit) => rules.rules[h.index]!.rule.term.kind;
  let reading: Reading | undefined;
  const away = (h: Hit) => {
    const k = kindOf(h);
    return (k === 'restriction' || k === 'obligation') && framedAway((reading ??= fast ? seenReading(rules, combined) : readClause(combined)), k);
  };
  if (hits.some(away)) hits.splice(0, hits.length, ...hits.filter((h) => !away(h)));
  return hits;
}

/**
 * Finds every term in doc. Identical terms (same kind/name/text, and for
 * thresholds the same value/comparator/period/currency/consequence) are
 * reported once with the first evidence; the scopes of duplicates merge.
 */
export function extractTerms(doc: ParsedDocument, opts: ExtractOptions = {}): Term[] {
  const rules = opts.rules ?? getRules();
  const sentences = (opts.split ?? splitSentences)(doc);
  const fast = opts.fast ?? fastPathDefault();
  const origin = opts.origin ?? 'text';
  // rules read the folded text (NFKC, hidden characters, look-alikes, numbers); evidence quotes the input
  // (a name the document defines and the lexicons do not know is read with its definition: defined-names.ts)
  const views = glossDefinedNames(sentences.map((s) => viewOf(s.text)));
  const leads = leadIns(doc, sentences, views);
  const terms: Term[] = [];
  const byKey = new Map<string, Term>();
  // terms of the clause form, kept apart: where the regex form states the same term, its evidence and scope win
  const clauseTerms: Term[] = [];
  const clauseByKey = new Map<string, Term>();
  // terms of rules that stand only where the document states none of some other terms (`unlessTerm`)
  const pending: PendingTerm[] = [];
  const usesOf = (term: string, def: number): string[] => {
    // only uses that cross the defined amount: "exceeds the Threshold", "above any such Limit"
    const re = new RegExp(`\\b(?:exceed(?:s|ed|ing)?|above|over|surpass(?:es|ed|ing)?|reach(?:es|ed|ing)?|meet(?:s|ing)?|more\\s+than)\\s+(?:the\\s+|any\\s+|such\\s+|this\\s+|that\\s+){0,2}${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}(?![A-Za-z0-9])`);
    // (a use writes the term's first word as it is: most sentences, without it, need no regex)
    const first = term.split(/\s+/)[0]!;
    const out: string[] = [];
    for (let j = 0; j < views.length && out.length < DEFINED_USES; j++) if (j !== def && views[j]!.includes(first) && re.test(views[j]!)) out.push(views[j]!);
    return out;
  };
  // the uses of a definition are a function of the term, the definition's place and the document's sentences (by number,
  // text-id.ts): a document read again (a second run, a copy) finds them again without the regex
  let docKey: string | undefined;
  const rememberedUses = (term: string, def: number): string[] => {
    const k = `${def}|${term}|${(docKey ??= views.map(textId).join(','))}`;
    let u = usesMemo.get(k);
    if (!u) {
      u = usesOf(term, def);
      if (usesMemo.size >= USES_MAX) usesMemo.clear();
      usesMemo.set(k, u);
    }
    return u;
  };
  /** Up to SCOPE_LOOKBEHIND earlier sentences of sentence i's segment, nearest first. */
  const precedingOf = (i: number): string[] => {
    const out: string[] = [];
    for (let j = i - 1; j >= 0 && out.length < SCOPE_LOOKBEHIND && sentences[j]!.segment === sentences[i]!.segment; j--) out.push(views[j]!);
    return out;
  };
  sentences.forEach((s, i) => {
    const view = views[i]!;
    const lead = leads[i];
    const following: string[] = [];
    for (let j = i + 1; j < sentences.length && following.length < CONSEQUENCE_LOOKAHEAD && sentences[j]!.segment === s.segment; j++) {
      following.push(views[j]!);
    }
    const sv: SentenceView = { text: view, ...(lead !== undefined ? { lead } : {}), following, preceding: () => precedingOf(i) };
    const def = DEFINITION.exec(view)?.groups?.term;
    // (read once: every rule with a consequence asks)
    let uses: string[] | undefined;
    if (def) sv.uses = () => (uses ??= rememberedUses(def, i));
    // a sentence met before in the same surroundings: the same hits (sentence-hits.ts; a definition reads the whole document)
    const key = fast && !def ? hitsKey(view, lead, following, precedingOf(i)) : null;
    let hits = key !== null ? storedHits(rules, key) : undefined;
    if (!hits) {
      hits = sentenceHits(rules, gatedRules(rules, view, lead, fast), sv, fast);
      if (key !== null) storeHits(rules, key, hits);
    }
    // a question or a heading grants nothing and states no term of kind other, and a question binds to nothing (asks.ts)
    const asks = asksOrNames(view, lead, doc.segments[s.segment]?.kind);
    const question = asks && isQuestion(view);
    for (const { index: ri, fields: f } of hits) {
      const cr = rules.rules[ri]!;
      if (asks && (cr.rule.term.kind === 'permission' || cr.rule.term.kind === 'other')) continue;
      if (question && cr.rule.term.kind === 'obligation') continue;
      {
        const term: Term = {
          kind: cr.rule.term.kind,
          name: cr.rule.term.name,
          rule: cr.rule.id,
          ...f,
          ...(cr.rule.term.kind === 'threshold' ? { metric: cr.rule.term.name, period: f.period ?? null, currency: f.currency ?? null } : {}),
          origin,
          ...(opts.via ? { via: opts.via } : {}),
          evidence: { path: doc.path, line: s.line, column: s.column, sentence: s.source ?? s.text },
        };
        const unless = cr.rule.clause?.unlessTerm;
        if (unless) { pending.push({ term, unless }); continue; }
        const k = termKey(term);
        const fromClause = rules.clauseRuleIds.has(term.rule);
        const prev = (fromClause ? clauseByKey : byKey).get(k);
        if (prev) {
          const scope = mergeScope(prev.scope, term.scope);
          if (scope) prev.scope = scope;
          continue;
        }
        (fromClause ? clauseByKey : byKey).set(k, term);
        (fromClause ? clauseTerms : terms).push(term);
      }
    }
  });
  const regexTerms = terms.slice();
  for (const t of clauseTerms) {
    if (byKey.has(termKey(t)) || thresholdStatedElsewhere(t, terms, clauseTerms, regexTerms)) continue;
    terms.push(t);
  }
  terms.push(...unlessTerms(pending, terms, termKey, mergeScope));
  terms.push(...definedTerms(rules, views, terms));
  return terms;
}
