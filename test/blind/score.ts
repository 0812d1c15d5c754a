/**
 * Blind suite: scoring. Pure functions from (cases, terms found per case) to recall / precision / exact
 * per term, per kind and per language, and the ratchet against the committed baseline.
 */
import { TERM_KINDS, type Term, type TermKind } from '../../src/types.js';
import type { BlindCase, Expect, Vocabulary } from './cases.js';

/** What the engine returned for one case: the terms of the input's own text. */
export type Found = Pick<Term, 'kind' | 'name' | 'text' | 'territories' | 'value' | 'comparator' | 'period' | 'currency' | 'consequence'>;

export interface Counts {
  positives: number;
  /** positives where the term was found */
  tp: number;
  /** positives where a found term carried every expected field */
  exact: number;
  /** cases (not positives of the term, not tolerating it) that yielded the term */
  fp: number;
  /** of fp: near misses of this very term */
  fpNearMiss: number;
  nearMisses: number;
}

export interface Rates { recall: number | null; precision: number | null; exactRate: number | null }

export interface TermScore extends Counts, Rates {
  term: string;
  kind: TermKind;
  byLang: Partial<Record<'en' | 'zh', Counts & Rates>>;
}

export interface Scores {
  terms: TermScore[];
  kinds: Array<Counts & Rates & { kind: TermKind }>;
  byLang: Record<'en' | 'zh', Counts & Rates>;
  all: Counts & Rates;
  /** names the engine produced that are not vocabulary terms, with how many cases produced them */
  unknownNames: Record<string, number>;
  /** found terms whose kind differs from the vocabulary's kind for their name */
  kindMismatches: number;
  cases: number;
}

const empty = (): Counts => ({ positives: 0, tp: 0, exact: 0, fp: 0, fpNearMiss: 0, nearMisses: 0 });

export function rates(c: Counts): Rates {
  return {
    recall: c.positives ? c.tp / c.positives : null,
    precision: c.tp + c.fp ? c.tp / (c.tp + c.fp) : null,
    exactRate: c.positives ? c.exact / c.positives : null,
  };
}

function add(into: Counts, c: Counts): void {
  into.positives += c.positives; into.tp += c.tp; into.exact += c.exact;
  into.fp += c.fp; into.fpNearMiss += c.fpNearMiss; into.nearMisses += c.nearMisses;
}

const numEq = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
/** Quoted strings compare without their quotes, surrounding space and a trailing full stop. */
const normText = (s: string) => s.normalize('NFKC').trim().replace(/^["'“”‘’「」『』]+|["'“”‘’「」『』.。]+$/gu, '').trim();
const same = <T>(want: T | null, got: T | null | undefined) => (want === null ? got === null || got === undefined : got === want);

/** Does a found term carry every field the case expects? */
export function meetsExpect(t: Found, e: Expect | undefined): boolean {
  if (!e) return true;
  if (e.value !== undefined && (t.value === undefined || !numEq(e.value, t.value))) return false;
  if (e.comparator !== undefined && t.comparator !== e.comparator) return false;
  if (e.period !== undefined && !same(e.period, t.period)) return false;
  if (e.currency !== undefined && !same(e.currency, t.currency)) return false;
  if (e.consequence !== undefined && t.consequence !== e.consequence) return false;
  if (e.text !== undefined && (t.text === undefined || normText(t.text) !== normText(e.text))) return false;
  if (e.territories !== undefined) {
    const got = new Set((t.territories ?? []).map((x) => x.toUpperCase()));
    const want = new Set(e.territories.map((x) => x.toUpperCase()));
    if (got.size !== want.size || [...want].some((x) => !got.has(x))) return false;
  }
  return true;
}

/** Scores every vocabulary term over every case. `found` maps a case id to the terms found in it. */
export function score(cases: BlindCase[], found: Map<string, Found[]>, vocab: Vocabulary): Scores {
  const perTerm = new Map<string, { all: Counts; en: Counts; zh: Counts }>();
  for (const name of vocab.kindOf.keys()) perTerm.set(name, { all: empty(), en: empty(), zh: empty() });
  const unknownNames: Record<string, number> = {};
  let kindMismatches = 0;

  for (const c of cases) {
    const terms = found.get(c.id) ?? [];
    const names = new Set(terms.map((t) => t.name));
    for (const t of terms) {
      const k = vocab.kindOf.get(t.name);
      if (k && k !== t.kind) kindMismatches++;
    }
    for (const n of names) if (!vocab.kindOf.has(n)) unknownNames[n] = (unknownNames[n] ?? 0) + 1;
    for (const [name, counts] of perTerm) {
      const bump = (f: (x: Counts) => void) => { f(counts.all); f(counts[c.lang]); };
      if (c.term === name && c.polarity === 'positive') {
        const hit = names.has(name);
        const exact = terms.some((t) => t.name === name && meetsExpect(t, c.expect));
        bump((x) => { x.positives++; if (hit) x.tp++; if (exact) x.exact++; });
        continue;
      }
      if (c.term === name) bump((x) => { x.nearMisses++; });
      if (names.has(name) && !c.also.includes(name)) {
        bump((x) => { x.fp++; if (c.term === name) x.fpNearMiss++; });
      }
    }
  }

  const terms: TermScore[] = [];
  for (const [name, counts] of perTerm) {
    const byLang: TermScore['byLang'] = {};
    for (const lang of ['en', 'zh'] as const) {
      if (counts[lang].positives || counts[lang].nearMisses) byLang[lang] = { ...counts[lang], ...rates(counts[lang]) };
    }
    terms.push({ term: name, kind: vocab.kindOf.get(name)!, ...counts.all, ...rates(counts.all), byLang });
  }
  const kinds = TERM_KINDS.map((kind) => {
    const c = empty();
    for (const t of terms) if (t.kind === kind) add(c, t);
    return { kind, ...c, ...rates(c) };
  });
  const byLang = { en: empty(), zh: empty() };
  const all = empty();
  for (const [, counts] of perTerm) { add(byLang.en, counts.en); add(byLang.zh, counts.zh); add(all, counts.all); }
  return {
    terms, kinds,
    byLang: { en: { ...byLang.en, ...rates(byLang.en) }, zh: { ...byLang.zh, ...rates(byLang.zh) } },
    all: { ...all, ...rates(all) },
    unknownNames, kindMismatches, cases: cases.length,
  };
}

// ---------------------------------------------------------------- ratchet

export interface Baseline {
  note: string;
  terms: Record<string, { recall: number | null; precision: number | null; exact: number | null }>;
}

const round = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 10000);

const NOTE = 'Floor of the blind suite (test/blind): per term, recall, precision and exact may not drop below these. '
  + 'precision null = the term was never found. Raise with BLIND_UPDATE=1 after an improvement.';

/** The ratchet file for a set's scores; `note` names the set (set 1 keeps the original note). */
export function toBaseline(s: Scores, note = NOTE): Baseline {
  return {
    note,
    terms: Object.fromEntries(s.terms.map((t) => [t.term, { recall: round(t.recall), precision: round(t.precision), exact: round(t.exactRate) }])),
  };
}

/** Regressions of `s` against `b` (read from `file`), one message per term and figure; empty when every floor holds. */
export function ratchet(s: Scores, b: Baseline, file = 'baseline.json'): string[] {
  const out: string[] = [];
  const eps = 1e-4; // baseline figures are rounded to 4 decimals
  for (const t of s.terms) {
    const base = b.terms[t.term];
    if (!base) { out.push(`${t.term}: not in ${file} (run with BLIND_UPDATE=1)`); continue; }
    for (const key of ['recall', 'exact'] as const) {
      const cur = (key === 'recall' ? t.recall : t.exactRate) ?? 0;
      if (base[key] !== null && cur + eps < base[key]!) out.push(`${t.term}: ${key} ${cur.toFixed(4)} < baseline ${base[key]}`);
    }
    // A term never found has no precision; compared as 1 (no false positive), so a first false positive counts.
    const cur = t.precision ?? 1;
    const floor = base.precision ?? 1;
    if (cur + eps < floor) out.push(`${t.term}: precision ${cur.toFixed(4)} < baseline ${base.precision ?? '(never found: 1)'}`);
  }
  for (const name of Object.keys(b.terms)) if (!s.terms.some((t) => t.term === name)) out.push(`${name}: in ${file} but not in the vocabulary`);
  return out;
}
