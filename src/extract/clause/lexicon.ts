/**
 * The clause reader's lexicons (data/lexicons/reader/*.yaml): concepts by category, each with the phrases
 * that state it, validated by zod and indexed by first word for the tagger. Words live in data, never in code.
 */
import { z } from 'zod';
import { lazySchema } from '../../lazy-schema.js';
import { loadLexicon } from '../../lexicon.js';
import { COMPARATORS, PERIODS } from '../../types.js';
import { storedLexiconIndices } from '../reader-store.js';

export const CATEGORIES = [
  'actor', 'grant', 'duty', 'negation', 'prohibit', 'cancel', 'only', 'marker', 'definition', 'hypothetical',
  'action', 'object', 'qualifier', 'preposition', 'possessive', 'auxiliary', 'quantifier', 'relative', 'adverb',
] as const;
export type Category = (typeof CATEGORIES)[number] | 'metric';
/** The categories that give a part its modality (a grant, a duty, a ban, a negation). */
export const MODAL_CATEGORIES: ReadonlySet<string> = new Set(['grant', 'duty', 'prohibit', 'negation']);

// built on first use (../../lazy-schema.ts): a run from the lexicons the build validated never needs them
const Phrases = lazySchema(() => z.array(z.string().min(1)).min(1));

export const ReaderLexiconSchema = lazySchema(() => z.object({
  language: z.enum(['en', 'zh']),
  categories: z.partialRecord(z.enum(CATEGORIES), z.record(z.string().regex(/^[a-z][a-z-]*$/), Phrases)),
  /** Named sets of concepts the reader's code refers to by name ("purpose": the qualifiers naming what a use is for). */
  groups: z.record(z.string().regex(/^[a-z][a-z-]*$/), z.array(z.string().regex(/^[a-z][a-z-]*$/)).min(1)).optional(),
  examples: z.array(z.object({
    text: z.string().min(1),
    expect: z.partialRecord(z.enum([...CATEGORIES, 'metric']), z.array(z.string())),
  }).strict()).min(1),
}).strict());
export type ReaderLexicon = z.infer<typeof ReaderLexiconSchema>;

export const MetricsLexiconSchema = lazySchema(() => z.object({
  metrics: z.record(z.string().regex(/^[a-z][a-z-]*$/), Phrases),
  percent: Phrases,
  zh_multipliers: z.record(z.string(), z.number().positive()),
  zh_digits: z.record(z.string(), z.number().int().min(0)),
  zh_comparators: z.partialRecord(z.enum(COMPARATORS), Phrases),
  zh_periods: z.partialRecord(z.enum(PERIODS), Phrases),
  zh_currencies: z.record(z.string().regex(/^[A-Z]{3}$/), Phrases),
  /** English comparator phrases for the reader: the one nearest the number wins, the longest at a tie ("no more than" over "more than"). */
  en_comparators: z.partialRecord(z.enum(COMPARATORS), Phrases),
  /** English period phrases beyond rules/_normalize.yaml's ("in the prior year"). */
  en_periods: z.partialRecord(z.enum(PERIODS), Phrases),
  /** Words that make a number an exponent form: "10^25", "3 x 10^24" (the `x` words). */
  times: Phrases,
  en_numbers: z.record(z.string().regex(/^[a-z]+$/), z.number().int().positive()),
  /** English scale words of a number in words ("seven hundred million": hundred is in en_numbers, million here). */
  en_scales: z.record(z.string().regex(/^[a-z]+$/), z.number().int().positive()).optional(),
  /** Words that may join the words of one number ("one hundred and fifty thousand"). */
  en_joiners: Phrases.optional(),
  /** Words that stand for "one" before a scale word or "hundred" ("a million"). */
  en_articles: Phrases.optional(),
  /** Unit words after a number that make it a count of something else ("300 kilometers", "30 days", "500 employees"). */
  en_units: Phrases.optional(),
}).strict());
export type MetricsLexicon = z.infer<typeof MetricsLexiconSchema>;

/** One phrase of a concept, as the tagger matches it: its words (English, lowercase) or its characters (Chinese). */
export interface Phrase {
  category: Category; concept: string; words: string[]; /** "category/concept" */ key: string; /** index of the category */ cat: number;
  /**
   * Per word, the token texts that match it exactly (English: a word of an exact category, or a noun with its plurals),
   * or null when the word matches any form of a token (tokens.ts lemmas); precomputed for the tagger.
   */
  accept: Array<readonly string[] | null>;
}

/** Nouns and adjectives match their own form or a plural ("licensed" is not "license"). */
const NOUN_CATEGORIES: ReadonlySet<string> = new Set(['object', 'metric', 'actor']);
/** Negation words are never inflected: "notes" and "noted" are not "not". */
const EXACT_CATEGORIES: ReadonlySet<string> = new Set(['actor', 'negation']);

/** The token texts a phrase word accepts (see Phrase.accept). */
function acceptFor(category: Category, w: string): readonly string[] | null {
  if (EXACT_CATEGORIES.has(category)) return [w];
  if (NOUN_CATEGORIES.has(category)) return w.endsWith('y') ? [w, `${w}s`, `${w}es`, `${w.slice(0, -1)}ies`] : [w, `${w}s`, `${w}es`];
  return null;
}

/** A language's phrases indexed by their first word (English) or first character (Chinese). */
export interface LexiconIndex { language: 'en' | 'zh'; byFirst: Map<string, Phrase[]> }

/** Splits an English phrase into the words the tokenizer would produce ("n't" and "e.g" stay one word). */
export function phraseWords(p: string): string[] {
  return p.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
}

const CATEGORY_INDEX = new Map<Category, number>([...CATEGORIES, 'metric'].map((c, i) => [c as Category, i]));
export const CATEGORY_COUNT = CATEGORIES.length + 1;
function categoryIndex(c: Category): number {
  return CATEGORY_INDEX.get(c)!;
}

function index(language: 'en' | 'zh', entries: Array<[Category, string, string[]]>): LexiconIndex {
  const byFirst = new Map<string, Phrase[]>();
  for (const [category, concept, phrases] of entries) {
    for (const p of phrases) {
      const words = language === 'en' ? phraseWords(p) : [p];
      const first = language === 'en' ? words[0]! : p[0]!;
      let list = byFirst.get(first);
      if (!list) byFirst.set(first, (list = []));
      const accept = language === 'en' ? words.map((w) => acceptFor(category, w)) : [];
      list.push({ category, concept, words, key: `${category}/${concept}`, cat: categoryIndex(category), accept });
    }
  }
  // longest first, so the tagger keeps the longest phrase of a category at a position
  for (const list of byFirst.values()) list.sort((a, b) => b.words.join(' ').length - a.words.join(' ').length);
  return { language, byFirst };
}

let cache: { en: LexiconIndex; zh: LexiconIndex; metrics: MetricsLexicon; raw: ReaderLexicon[] } | null = null;

/** The reader's lexicons, loaded and indexed once. */
export function readerLexicons(): { en: LexiconIndex; zh: LexiconIndex; metrics: MetricsLexicon; raw: ReaderLexicon[] } {
  if (cache) return cache;
  const en = loadLexicon('reader/en', ReaderLexiconSchema);
  const zh = loadLexicon('reader/zh', ReaderLexiconSchema);
  const metrics = loadLexicon('reader/metrics', MetricsLexiconSchema);
  // the build's indices (reader-store.ts) when made by this code from these lexicons, else built here
  cache = { ...(storedLexiconIndices() ?? indexLexicons(en, zh, metrics)), metrics, raw: [en, zh] };
  return cache;
}

/** The concepts of a named group of the lexicons (`groups:` in en.yaml / zh.yaml; the union over both), memoized. */
export function conceptGroup(name: string): ReadonlySet<string> {
  let g = groupCache.get(name);
  if (!g) {
    g = new Set(readerLexicons().raw.flatMap((l) => l.groups?.[name] ?? []));
    if (!g.size) throw new Error(`reader lexicons: no concept group "${name}"`);
    groupCache.set(name, g);
  }
  return g;
}
const groupCache = new Map<string, ReadonlySet<string>>();

/** The phrase indices of the English and Chinese lexicons, with the metrics' phrases of each language. */
export function indexLexicons(en: ReaderLexicon, zh: ReaderLexicon, metrics: MetricsLexicon): { en: LexiconIndex; zh: LexiconIndex } {
  const entries = (l: ReaderLexicon): Array<[Category, string, string[]]> =>
    Object.entries(l.categories).flatMap(([cat, concepts]) =>
      Object.entries(concepts ?? {}).map(([concept, phrases]): [Category, string, string[]] => [cat as Category, concept, phrases]));
  const isZh = (p: string) => /\p{Script=Han}/u.test(p);
  const metricEntries = (zh: boolean): Array<[Category, string, string[]]> =>
    Object.entries(metrics.metrics).map(([m, ps]): [Category, string, string[]] => ['metric', m, ps.filter((p) => isZh(p) === zh)]);
  return { en: index('en', [...entries(en), ...metricEntries(false)]), zh: index('zh', [...entries(zh), ...metricEntries(true)]) };
}
