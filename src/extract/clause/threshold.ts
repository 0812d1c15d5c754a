/**
 * Reads a threshold's numbers near its metric: the number closest to the metric phrase (with its
 * multiplier: "5 million", "5M", "1亿", "500万", "five million"; exponents: "10^25", "3 x 10^24", "1e24"),
 * the comparator nearest before it ("no more than", "超过") or right after it ("or more", "以上"),
 * the currency and period around it (words in data/lexicons/reader/metrics.yaml).
 */
import type { Normalizers } from '../normalize.js';
import type { MetricsLexicon } from './lexicon.js';
import type { Comparator, Period } from '../../types.js';
import { NUMWORD_PATTERNS, wordNumbers } from './numwords.js';
import { HAN } from './tokens.js';

export interface ThresholdRead {
  value: number;
  comparator?: Comparator;
  currency?: string;
  period?: Period;
}

/** A number: digits with optional "," groups and decimals (linear: each repetition starts with "," or "."). */
const NUMBER = /\d+(?:,\d{3})*(?:\.\d+)?/g;
const ZH_NUMERAL = /[零〇一二两兩三四五六七八九十]{1,4}(?=[万萬亿億千百])/gu;
const WORD_AFTER = /^\s?([a-z]+|[万萬亿億千百]+)/;
/**
 * A parenthetical after a number ("($10,000,000)", "(or the equivalent in other currencies)"), left out of the look-after;
 * not a list marker ("(1) one or more models": under four characters).
 */
const PARENTHETICAL = /\([^()]{4,120}\)/g;
/** The words between two figures that share one comparator: "or" / "and" as a word. */
const JOINED = /(?:^|[\s,])(?:or|and)\s/;
/** An exponent right after a number: "1e24", "10^25", "10**25". */
const EXP_AFTER = /^(e|\^|\*\*)(\d{1,2})(?!\d)/;
/** A power of ten after a number and a times word: "3 x 10^24" (the word is checked against the lexicon). */
const TIMES_TEN = /^\s?(\S{1,5})\s?10\^(\d{1,2})(?!\d)/;

/** A reference word right before a number: "Section 2", "§ 3", "(4". */
const SECTION_BEFORE = /(?:section|clause|article|paragraph|§|schedule|exhibit|annex|version|v)\s?$|\($/;
const DIGITS = /^\d+$/;
const DIGIT = /^\d$/;
/** A word boundary character (ASCII letters and digits). */
const WORDCH = /[a-z0-9]/;
const SPACE = /\s/g;
/** A Latin letter (a number right after one is part of a name; Chinese text puts numbers right after words). */
const LETTER = /[A-Za-z]/;

/** A Chinese character, and a number written as digits with one decimal point only ("2.0"). */
const DECIMAL_ONLY = /^\d{1,3}\.\d{1,3}$/;

/** Every regex of this module, for the ReDoS proof. */
export const THRESHOLD_PATTERNS: readonly RegExp[] = [NUMBER, ZH_NUMERAL, WORD_AFTER, EXP_AFTER, TIMES_TEN, SECTION_BEFORE, DIGITS, DIGIT, WORDCH, SPACE, LETTER, HAN, DECIMAL_ONLY, ...NUMWORD_PATTERNS];

interface Num { value: number; start: number; end: number }

/** How far from its metric (characters) a number is looked for: 130 (with a comparator), and room for the number itself. */
const WINDOW = 160;
/** How far a number with a comparator may stand from its metric ("the monthly active users of the products ... of Licensee's affiliates were greater than ..."); a bare number, 50. */
const FAR = 130;
/** How far around the metric and its number a period word is looked for before the whole sentence is read. */
const NEAR_PERIOD = 16;

function zhNumeral(s: string, digits: Record<string, number>): number | undefined {
  // 一, 十, 二十, 三十五, 十五
  let total = 0;
  let cur = 0;
  for (const ch of s) {
    const d = digits[ch];
    if (d === undefined) return undefined;
    if (d === 10) { total += (cur || 1) * 10; cur = 0; } else cur = cur * 10 + d;
  }
  return total + cur;
}

function multiplier(after: string, norm: Normalizers, lex: MetricsLexicon): { mult: number; len: number } {
  const m = WORD_AFTER.exec(after.toLowerCase());
  if (!m) return { mult: 1, len: 0 };
  const w = m[1]!;
  const zh = lex.zh_multipliers[w];
  if (zh !== undefined) return { mult: zh, len: m[0].length };
  // a multiplier word of _normalize.yaml ("million", "m", "bn"), read through the normalizer
  const v = norm.number(`1 ${w}`);
  if (v !== undefined && v !== 1) return { mult: v, len: m[0].length };
  return { mult: 1, len: 0 };
}

/** An exponent after a number ("e24", "^25", " x 10^24"): the value and the characters it takes, or undefined. */
function exponent(base: number, after: string, lex: MetricsLexicon): { value: number; len: number } | undefined {
  const e = EXP_AFTER.exec(after.toLowerCase());
  // "10^26" is read as the literal 1e26 (10 ** 26 is 9.999999999999999e25 in floating point)
  if (e) return { value: e[1] === 'e' ? Number(`${base}e${e[2]}`) : base === 10 ? Number(`1e${e[2]}`) : base ** Number(e[2]), len: e[0].length };
  const t = TIMES_TEN.exec(after);
  if (t && lex.times.includes(t[1]!.toLowerCase())) return { value: Number(`${base}e${t[2]}`), len: t[0].length };
  return undefined;
}

export function numbersIn(text: string, norm: Normalizers, lex: MetricsLexicon): Num[] {
  const out: Num[] = [];
  let consumed = 0;
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m !== null; m = NUMBER.exec(text)) {
    if (m.index < consumed) continue;
    const base = Number(m[0].replace(/,/g, ''));
    let end = m.index + m[0].length;
    const exp = exponent(base, text.slice(end, end + 12), lex);
    if (exp) {
      end += exp.len;
      consumed = end;
      if (Number.isFinite(exp.value)) out.push({ value: exp.value, start: m.index, end });
      continue;
    }
    // (digits, a letter, digits: a code or a section, "option 4d0", "3b1", not a count)
    if (LETTER.test(text[end] ?? '') && DIGIT.test(text[end + 1] ?? '')) { consumed = end; continue; }
    const { mult, len } = multiplier(text.slice(end, end + 12), norm, lex);
    const value = Math.round(base * mult * 1000) / 1000;
    if (Number.isFinite(value)) out.push({ value, start: m.index, end: end + len });
  }
  ZH_NUMERAL.lastIndex = 0;
  for (let m = ZH_NUMERAL.exec(text); m !== null; m = ZH_NUMERAL.exec(text)) {
    const base = zhNumeral(m[0], lex.zh_digits);
    const end = m.index + m[0].length;
    const { mult, len } = multiplier(text.slice(end, end + 4), norm, lex);
    if (base !== undefined) out.push({ value: base * mult, start: m.index, end: end + len });
  }
  // number words count with a scale word ("five million", "seven hundred million") or before a percent word ("fifteen percent")
  const low = text.toLowerCase();
  for (const w of wordNumbers(low, lex)) {
    if (w.scaled) { out.push({ value: w.value, start: w.start, end: w.end }); continue; }
    const after = low.slice(w.end, w.end + 12);
    const { mult, len } = multiplier(after, norm, lex);
    if (mult !== 1) out.push({ value: w.value * mult, start: w.start, end: w.end + len });
    else if (lex.percent.some((p) => after.trimStart().startsWith(p))) out.push({ value: w.value, start: w.start, end: w.end });
  }
  return out;
}

/** Is `phrase` at [i, i + phrase.length) of s a whole phrase (no letter or digit either side)? */
function whole(s: string, i: number, phrase: string): boolean {
  const before = i > 0 ? s[i - 1]! : ' ';
  const after = s[i + phrase.length] ?? ' ';
  return !(WORDCH.test(phrase[0]!) && WORDCH.test(before)) && !(WORDCH.test(phrase[phrase.length - 1]!) && WORDCH.test(after));
}

/** At most `max` words and no digit: what may stand between a comparator and its number ("more than US$ 5"). */
function shortGap(gap: string, max: number): boolean {
  for (let k = 0; k < gap.length; k++) { const c = gap.charCodeAt(k); if (c >= 48 && c <= 57) return false; }
  let words = 0;
  for (const w of gap.split(' ')) if (w.length > 0 && WORDCH.test(w)) words++;
  return words <= max;
}

/**
 * The English comparator of a number: a trailing phrase ("or more", "and above") within a few words after it, else the
 * phrase before it that ends nearest the number (the longest at a tie: "no more than" over "more than").
 */
function enComparator(before: string, after: string, lex: MetricsLexicon): Comparator | undefined {
  let best: { c: Comparator; end: number; len: number } | undefined;
  let post: { c: Comparator; start: number; len: number } | undefined;
  for (const [c, phrases] of Object.entries(lex.en_comparators) as Array<[Comparator, string[]]>) {
    for (const p of phrases) {
      if (p.startsWith('or ') || p.startsWith('and ')) {
        const i = after.indexOf(p);
        if (i >= 0 && whole(after, i, p) && shortGap(after.slice(0, i), 4) && (!post || i < post.start || (i === post.start && p.length > post.len))) post = { c, start: i, len: p.length };
        continue;
      }
      const i = before.lastIndexOf(p);
      if (i < 0 || !whole(before, i, p) || !shortGap(before.slice(i + p.length), 3)) continue;
      const end = i + p.length;
      if (!best || end > best.end || (end === best.end && p.length > best.len)) best = { c, end, len: p.length };
    }
  }
  return post?.c ?? best?.c;
}

/** A period phrase of the lexicon in s (month first), or undefined. */
function enPeriod(s: string, lex: MetricsLexicon): Period | undefined {
  for (const [period, phrases] of Object.entries(lex.en_periods) as Array<[Period, string[]]>) {
    for (const p of phrases) {
      for (let i = s.indexOf(p); i >= 0; i = s.indexOf(p, i + 1)) if (whole(s, i, p)) return period;
    }
  }
  return undefined;
}

function zhLookup<K extends string>(table: Partial<Record<K, string[]>>, s: string): K | undefined {
  let best: { k: K; len: number } | undefined;
  for (const [k, words] of Object.entries(table) as Array<[K, string[]]>) {
    for (const w of words) if (s.includes(w) && (!best || w.length > best.len)) best = { k, len: w.length };
  }
  return best?.k;
}

/**
 * The threshold stated about the metric phrase at [mStart, mEnd) of text (character offsets), or undefined
 * when no number is close enough (within 50 characters, or FAR (130) when a comparator stands right before it:
 * "revenue you make from the products built on it exceeds $100,000"). With `percent`, only a number followed
 * by a percent word counts, and its value is the percentage.
 */
export function readThreshold(
  text: string, mStart: number, mEnd: number, norm: Normalizers, lex: MetricsLexicon, percent = false,
  others: ReadonlyArray<{ start: number; end: number }> = [],
): ThresholdRead | undefined {
  // numbers are read in a window around the metric (a long sentence is not scanned whole for every metric)
  const from = Math.max(0, mStart - WINDOW);
  const to = Math.min(text.length, mEnd + WINDOW);
  let nums = numbersIn(text.slice(from, to), norm, lex).map((n) => ({ value: n.value, start: n.start + from, end: n.end + from }));
  const low = text.toLowerCase().replace(SPACE, ' ');
  const units = lex.en_units ?? [];
  if (percent) {
    nums = nums.filter((n) => {
      const after = low.slice(n.end, n.end + 12).trimStart();
      return lex.percent.some((p) => after.startsWith(p));
    });
  } else {
    // a percentage or a year is not a count
    nums = nums.filter((n) => {
      const after = low.slice(n.end, n.end + 12).trimStart();
      if (lex.percent.some((p) => after.startsWith(p)) || (n.value >= 1900 && n.value <= 2100 && n.end - n.start === 4)) return false;
      // a section or list number ("Section 2", "2.", "(3)") is not an amount
      const before = low.slice(Math.max(0, n.start - 12), n.start);
      const next = text.slice(n.end, n.end + 1);
      const bare = DIGITS.test(text.slice(n.start, n.end));
      // a number inside a name or version ("FLUX.1", "GPT-4", "v2") is not an amount
      const prev = text[n.start - 1] ?? ' ';
      const prev2 = text[n.start - 2] ?? ' ';
      if (LETTER.test(prev) || ((prev === '.' || prev === '-') && LETTER.test(prev2))) return false;
      // a version right after a Chinese name ("源2.0"): a decimal with no multiplier or unit word of its own
      const written = text.slice(n.start, n.end);
      if (HAN.test(prev) && written.includes('.') && DECIMAL_ONLY.test(written)) return false;
      // a dotted section number ("1.1.3") is not an amount: a number right after "<digit>." or right before ".<digit>"
      if ((prev === '.' && DIGIT.test(prev2)) || (next === '.' && DIGIT.test(text[n.end + 1] ?? ''))) return false;
      // a number of some other unit ("300 kilometers", "30 days", "500 employees") is not a count of the metric
      if (units.some((u) => after.startsWith(u) && !WORDCH.test(after[u.length] ?? ' '))) return false;
      // a list or section marker ("(3)", "2.") is small and bare; "(13B)", "($5,000,000)" are amounts
      return !SECTION_BEFORE.test(before) && !(bare && n.value < 100 && (next === '.' || next === ')'));
    });
  }
  const zh = /\p{Script=Han}/u.test(text);
  // every amount of the sentence, also those bound to another metric (a comparator they share: sharedCmp below)
  const amounts = nums;
  const dist = (n: Num) => (n.end <= mStart ? mStart - n.end : n.start >= mEnd ? n.start - mEnd : 0);
  const cmpOf = (n: Num): Comparator | undefined => {
    if (zh) {
      const after = text.slice(n.end, n.end + 20);
      const before = text.slice(Math.max(0, n.start - 40), n.start);
      return zhLookup(lex.zh_comparators, after.slice(0, 4)) ?? zhLookup(lex.zh_comparators, before.slice(-8))
        ?? enComparator(low.slice(Math.max(0, n.start - 60), n.start), low.slice(n.end, n.end + 60), lex);
    }
    // "or more" after the number, or after the metric that follows it ("5 million users or more"), a parenthetical left
    // out ("10 million dollars ($10,000,000) or more")
    const after = low.slice(n.end, Math.max(n.end, mEnd) + 60).replace(PARENTHETICAL, '').slice(0, Math.max(0, mEnd - n.end) + 40);
    return enComparator(low.slice(Math.max(0, n.start - 60), n.start), after, lex);
  };
  // one comparator for two figures joined by "or" / "and" ("more than 100,000,000 monthly active users or US$ 20,000,000
  // ... monthly revenue"): a number with none of its own takes the one of the number just before it
  const sharedCmp = (n: Num): Comparator | undefined => {
    if (zh) return undefined;
    const prev = amounts.filter((m) => m.end <= n.start).sort((a, b) => b.end - a.end)[0];
    if (!prev) return undefined;
    const gap = low.slice(prev.end, n.start);
    if (gap.length > 60 || !JOINED.test(gap) || /\d/.test(gap)) return undefined;
    return cmpOf(prev);
  };
  // a number bound to another metric ("1 million monthly active users and $5 million in revenue", "revenue did not
  // exceed $10M and monthly active users ...") is that metric's, not this one's
  if (others.length) nums = nums.filter((n) => !boundElsewhere(low, n, mStart, mEnd, others, lex));
  const scored = nums.map((n) => ({ n, d: dist(n) })).filter((x) => x.d <= FAR).map((x) => ({ ...x, c: cmpOf(x.n) ?? sharedCmp(x.n) }))
    .filter((x) => x.d <= 50 || x.c !== undefined || percent);
  // the nearest number; one with a comparator of its own wins over a bare one a little nearer
  const best = scored.sort((a, b) => (a.d - (a.c ? 25 : 0)) - (b.d - (b.c ? 25 : 0)))[0];
  if (!best) return undefined;
  const around = `${text.slice(Math.max(0, best.n.start - 40), best.n.start)} ${text.slice(best.n.start, best.n.end)} ${text.slice(best.n.end, best.n.end + 32)}`;
  const currency = norm.currency(around) ?? (zh ? zhLookup(lex.zh_currencies, around) : undefined);
  // the period next to the metric and its number first ("annual revenue" in a sentence that also counts "monthly active users")
  const nearFrom = Math.max(0, Math.min(mStart, best.n.start) - NEAR_PERIOD);
  const nearTo = Math.max(mEnd, best.n.end) + NEAR_PERIOD;
  const near = zh ? undefined : norm.period(text.slice(nearFrom, nearTo)) ?? enPeriod(low.slice(nearFrom, nearTo), lex);
  const period = near ?? norm.period(text) ?? enPeriod(low, lex) ?? (zh ? zhLookup(lex.zh_periods, text) : undefined);
  return {
    value: best.n.value,
    ...(best.c ? { comparator: best.c } : {}),
    ...(currency ? { currency } : {}),
    ...(period ? { period } : {}),
  };
}

/** How far (characters) a comparator may put a number after another metric ("revenue did not exceed US$ 10M"). */
const BOUND_GAP = 40;
/** At most this many words between another metric and a number it binds. */
const BOUND_WORDS = 5;

/**
 * Is the number stated of another metric: right before one ("1 million monthly active users"), or after one with
 * only a comparator between ("revenue did not exceed $10M"), with this metric not between them?
 */
function boundElsewhere(low: string, n: Num, mStart: number, mEnd: number, others: ReadonlyArray<{ start: number; end: number }>, lex: MetricsLexicon): boolean {
  return others.some((o) => {
    if (o.start >= n.end) return o.start - n.end <= 2 && low.slice(n.end, o.start).trim() === '' && !(mStart >= n.end && mStart <= o.start);
    if (o.end > n.start || n.start - o.end > BOUND_GAP || (mStart >= o.end && mStart < n.start)) return false;
    // only a comparator and a few linking words between ("revenue in the prior year exceeded"), not a clause of its own
    const gap = low.slice(o.end, n.start).split(' ').filter((w) => w.length > 0);
    if (gap.length > BOUND_WORDS || gap.some((w) => w === 'and' || w === 'or' || w.includes(',') || w.includes(';'))) return false;
    // this metric right after the number keeps it
    if (mStart >= n.end && mStart - n.end <= 2) return false;
    return enComparator(low.slice(o.end, n.start), '', lex) !== undefined;
  });
}

/** Where one half of a sentence ends and the next starts: ";" in English and Chinese text. */
const HALF_BREAK = new Set([';', '；']);

/**
 * The stretches of a sentence between ";" that hold one of the character offsets `at` (metric phrases), as
 * [start, end) ranges in order, one per stretch. "If your users do not exceed N, ...; if they exceed N, you must ..."
 * states two thresholds, each with its own comparator and consequence: each half is read on its own.
 */
export function halvesAt(text: string, at: readonly number[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !HALF_BREAK.has(text[i]!)) continue;
    if (at.some((a) => a >= start && a < i)) out.push({ start, end: i });
    start = i + 1;
  }
  return out;
}
