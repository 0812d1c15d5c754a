/**
 * The clause rules' prefilter: which clause rules can possibly hold on a sentence, decided from the
 * sentence's words before it is tagged. Computed once from the rules and the reader's lexicon:
 * every alternative of a clause (`any`) needs at least one tag of some concepts (the actions, objects,
 * qualifiers or metrics it lists; else those of its exception / condition / `with` part, or the marker
 * that starts such a part; else the words that give its modality). A tag can only start at a token one
 * of whose forms (tokens.ts lemmas) is the first word of one of the concept's phrases, so a sentence none
 * of whose tokens has such a form cannot meet the rule, and the rule is not run. A rule with an
 * alternative that needs nothing is always run. Chinese text is not filtered (the tagger reads it by
 * characters).
 */
import type { ClauseCond, PartCond } from './clause/schema.js';
import { readerLexicons, type LexiconIndex } from './clause/lexicon.js';
import { lemmas, type Token } from './clause/tokens.js';
import type { Rule } from './schema.js';

export interface ClausePrefilter {
  /** For a first word of a needed phrase: the clause rules (indices into the compiled rules) it can trigger. */
  byWord: Map<string, number[]>;
  /** Clause rules that are run on every sentence (some alternative needs no particular word). */
  always: number[];
}

/** Tag keys ("category/concept", or "category/*" for any concept of the category) one of which a part condition needs. */
function partNeeds(c: PartCond): string[] | null {
  if (c.qualifier) return c.qualifier.map((x) => `qualifier/${x}`);
  if (c.action) return c.action.map((x) => `action/${x}`);
  if (c.object) return c.object.map((x) => `object/${x}`);
  if (c.metric) return c.metric.map((x) => `metric/${x}`);
  return null;
}

/** Tags one of which the modality needs (parts.ts: prohibition from a prohibit or negation word; duty from a duty word or an imperative verb). */
function modalityNeeds(modality: PartCond['modality']): string[] | null {
  if (!modality || modality.includes('none')) return null;
  const out: string[] = [];
  for (const m of modality) {
    if (m === 'grant') out.push('grant/*');
    else if (m === 'duty') out.push('duty/*', 'action/*');
    else out.push('prohibit/*', 'negation/*');
  }
  return out;
}

/** What one alternative of a clause needs, or null when it needs nothing in particular. */
export function alternativeNeeds(c: ClauseCond): string[] | null {
  return partNeeds(c)
    ?? (c.exception ? partNeeds(c.exception) ?? ['marker/exception'] : null)
    ?? (c.condition ? partNeeds(c.condition) ?? ['marker/condition'] : null)
    ?? (c.with ? partNeeds(c.with) : null)
    ?? modalityNeeds(c.modality);
}

/** Builds the prefilter of the clause rules at `indices` of `rules` (from the reader's English index, by default this run's). */
export function buildClausePrefilter(rules: readonly Rule[], indices: readonly number[], en: LexiconIndex = readerLexicons().en): ClausePrefilter {
  // the English lexicon's first words by tag key and by category
  const words = new Map<string, Set<string>>();
  const add = (key: string, w: string) => {
    let s = words.get(key);
    if (!s) words.set(key, (s = new Set()));
    s.add(w);
  };
  for (const [first, phrases] of en.byFirst) {
    for (const p of phrases) { add(p.key, first); add(`${p.category}/*`, first); }
  }
  const byWord = new Map<string, number[]>();
  const always: number[] = [];
  for (const ri of indices) {
    const clause = rules[ri]!.clause!;
    const needs = clause.any.map(alternativeNeeds);
    if (needs.some((n) => n === null)) { always.push(ri); continue; }
    const firsts = new Set<string>();
    for (const n of needs) for (const key of n!) for (const w of words.get(key) ?? []) firsts.add(w);
    for (const w of firsts) {
      let list = byWord.get(w);
      if (!list) byWord.set(w, (list = []));
      list.push(ri);
    }
  }
  return { byWord, always };
}

/** Per prefilter: the rules a token (lowercase) can trigger through any of its forms (bounded: cleared when full). */
const TOKEN_MEMO_MAX = 50_000;
const byToken = new WeakMap<ClausePrefilter, Map<string, number[]>>();

function rulesOfToken(f: ClausePrefilter, low: string): number[] {
  let memo = byToken.get(f);
  if (!memo) byToken.set(f, (memo = new Map()));
  let out = memo.get(low);
  if (out) return out;
  const set = new Set<number>();
  for (const form of lemmas(low)) for (const ri of f.byWord.get(form) ?? []) set.add(ri);
  out = [...set];
  if (memo.size >= TOKEN_MEMO_MAX) memo.clear();
  memo.set(low, out);
  return out;
}

/** The clause rules that may hold on a sentence of these (English) tokens. */
export function possibleClauseRules(f: ClausePrefilter, tokens: readonly Token[]): Set<number> {
  const out = new Set<number>(f.always);
  // (a word said again adds nothing: "the", "you", "of" come many times in a sentence)
  const lows = new Set<string>();
  for (const t of tokens) {
    if (lows.has(t.low)) continue;
    lows.add(t.low);
    for (const ri of rulesOfToken(f, t.low)) out.add(ri);
  }
  return out;
}
