/**
 * Tags a tokenized sentence with lexicon concepts: at each token, every phrase of the lexicon that starts
 * there (English: word by word on lemmas; Chinese: the text from the token's start) gives a tag; per
 * category the longest phrase at a position wins, and a phrase never starts inside a longer one of its category.
 */
import { CATEGORY_COUNT, type Category, type LexiconIndex, type Phrase } from './lexicon.js';
import { lemmas, type Token } from './tokens.js';

export interface Tag {
  category: Category;
  concept: string;
  /** "category/concept" */
  key: string;
  /** Token range [start, end). */
  start: number;
  end: number;
}

/**
 * English: the phrase's words after the first against the tokens from i + 1 (entryFor lists only the phrases whose
 * first word matches token i). A word of an exact category or a noun accepts only the token
 * texts of Phrase.accept, precomputed in lexicon.ts; any other word, any form of the token).
 */
function matchEn(p: Phrase, toks: Token[], i: number, entries: Entry[]): number {
  const n = p.words.length;
  if (i + n > toks.length) return -1;
  for (let k = 1; k < n; k++) {
    const acc = p.accept[k];
    if (acc ? !acc.includes(toks[i + k]!.low) : !entries[i + k]!.forms.includes(p.words[k]!)) return -1;
  }
  return i + n;
}

function matchZh(p: Phrase, text: string, toks: Token[], i: number): number {
  const w = p.words[0]!;
  const from = toks[i]!.start;
  if (text.slice(from, from + w.length).toLowerCase() !== w) return -1;
  let j = i;
  while (j < toks.length && toks[j]!.start < from + w.length) j++;
  return j;
}

/** Per lexicon: a token's forms and the phrases that may start with it, memoized (bounded). */
const MEMO_MAX = 50_000;
interface Entry {
  low: string;
  forms: string[];
  phrases: Phrase[];
  /** Per next token's entry: the phrases whose second word that token matches, and the one-word phrases (list order). */
  next?: Map<Entry, Phrase[]>;
  /** The one-word phrases (at the last token). */
  single?: Phrase[];
}
const NO_PHRASES: Phrase[] = [];
const memos = new WeakMap<LexiconIndex, Map<string, Entry>>();

function entryFor(memo: Map<string, Entry>, lex: LexiconIndex, low: string): Entry {
  let e = memo.get(low);
  if (e) return e;
  const forms = lemmas(low);
  const phrases: Phrase[] = [];
  // a phrase listed under one of the forms has its first word among them; a phrase whose first word accepts only
  // some token texts (Phrase.accept) is kept only when this token is one: matchEn then starts at the second word
  for (const key of new Set(forms)) {
    for (const p of lex.byFirst.get(key) ?? []) {
      const first = p.accept[0];
      if (!first || first.includes(low)) phrases.push(p);
    }
  }
  e = { low, forms, phrases: phrases.length ? phrases : NO_PHRASES };
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(low, e);
  return e;
}

/** Below this many phrases at a token all are tried; from it on, only those whose second word the next token matches. */
const PAIR_FROM = 8;
const NEXT_MAX = 4_000;

/**
 * The phrases of e that may match at a token followed by nx (undefined at the last token): the one-word phrases and those
 * whose second word nx matches (the test matchEn makes first), in list order, memoized per pair of entries.
 */
function pairPhrases(e: Entry, nx: Entry | undefined): Phrase[] {
  if (e.phrases.length < PAIR_FROM) return e.phrases;
  if (!nx) return (e.single ??= e.phrases.filter((p) => p.words.length === 1));
  const memo = (e.next ??= new Map());
  let list = memo.get(nx);
  if (!list) {
    list = e.phrases.filter((p) => {
      if (p.words.length === 1) return true;
      const acc = p.accept[1];
      return acc ? acc.includes(nx.low) : nx.forms.includes(p.words[1]!);
    });
    if (memo.size >= NEXT_MAX) memo.clear();
    memo.set(nx, list);
  }
  return list;
}

export function tagTokens(text: string, toks: Token[], lex: LexiconIndex): Tag[] {
  const tags: Tag[] = [];
  const en = lex.language === 'en';
  let entries: Entry[] = [];
  if (en) {
    let memo = memos.get(lex);
    if (!memo) memos.set(lex, (memo = new Map()));
    entries = new Array<Entry>(toks.length);
    for (let i = 0; i < toks.length; i++) entries[i] = entryFor(memo, lex, toks[i]!.low);
  }
  const coveredUntil: number[] = new Array(CATEGORY_COUNT).fill(0);
  const best: Array<Tag | undefined> = new Array(CATEGORY_COUNT);
  for (let i = 0; i < toks.length; i++) {
    const candidates = en ? pairPhrases(entries[i]!, entries[i + 1]) : lex.byFirst.get(text[toks[i]!.start]!.toLowerCase()) ?? NO_PHRASES;
    if (!candidates.length) continue;
    best.fill(undefined);
    let any = false;
    for (const p of candidates) {
      if (coveredUntil[p.cat]! > i) continue;
      const end = en ? matchEn(p, toks, i, entries) : matchZh(p, text, toks, i);
      if (end < 0) continue;
      const prev = best[p.cat];
      if (!prev || end > prev.end) { best[p.cat] = { category: p.category, concept: p.concept, key: p.key, start: i, end }; any = true; }
      else if (end === prev.end && prev.concept !== p.concept) tags.push({ category: p.category, concept: p.concept, key: p.key, start: i, end });
    }
    if (!any) continue;
    for (let c = 0; c < CATEGORY_COUNT; c++) {
      const t = best[c];
      if (!t) continue;
      tags.push(t);
      coveredUntil[c] = t.end;
    }
  }
  return tags.sort((a, b) => a.start - b.start || b.end - a.end);
}
