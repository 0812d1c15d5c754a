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

/** Nouns and adjectives match their own form or a plural ("licensed" is not "license"). */
const NOUN_CATEGORIES: ReadonlySet<string> = new Set(['object', 'metric', 'actor']);
/** Negation words are never inflected: "notes" and "noted" are not "not". */
const EXACT_CATEGORIES: ReadonlySet<string> = new Set(['actor', 'negation']);

function matchEn(p: Phrase, toks: Token[], i: number, forms: string[][]): number {
  if (i + p.words.length > toks.length) return -1;
  const noun = NOUN_CATEGORIES.has(p.category);
  for (let k = 0; k < p.words.length; k++) {
    const w = p.words[k]!;
    const tok = toks[i + k]!.low;
    if (EXACT_CATEGORIES.has(p.category) ? tok !== w : noun ? !(tok === w || tok === `${w}s` || tok === `${w}es` || (w.endsWith('y') && tok === `${w.slice(0, -1)}ies`)) : !forms[i + k]!.includes(w)) return -1;
  }
  return i + p.words.length;
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
const memos = new WeakMap<LexiconIndex, Map<string, { forms: string[]; phrases: Phrase[] }>>();

function entryFor(lex: LexiconIndex, low: string): { forms: string[]; phrases: Phrase[] } {
  let memo = memos.get(lex);
  if (!memo) memos.set(lex, (memo = new Map()));
  let e = memo.get(low);
  if (e) return e;
  const forms = lemmas(low);
  const phrases: Phrase[] = [];
  for (const key of new Set(forms)) for (const p of lex.byFirst.get(key) ?? []) phrases.push(p);
  e = { forms, phrases };
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(low, e);
  return e;
}

export function tagTokens(text: string, toks: Token[], lex: LexiconIndex): Tag[] {
  const tags: Tag[] = [];
  const entries = lex.language === 'en' ? toks.map((t) => entryFor(lex, t.low)) : [];
  const forms = entries.map((e) => e.forms);
  const coveredUntil: number[] = new Array(CATEGORY_COUNT).fill(0);
  const best: Array<Tag | undefined> = new Array(CATEGORY_COUNT);
  for (let i = 0; i < toks.length; i++) {
    const candidates = lex.language === 'en' ? entries[i]!.phrases : lex.byFirst.get(text[toks[i]!.start]!.toLowerCase()) ?? [];
    if (!candidates.length) continue;
    best.fill(undefined);
    let any = false;
    for (const p of candidates) {
      if (coveredUntil[p.cat]! > i) continue;
      const end = lex.language === 'en' ? matchEn(p, toks, i, forms) : matchZh(p, text, toks, i);
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
