/**
 * Reads a threshold's numbers near its metric: the number closest to the metric phrase (with its
 * multiplier: "5 million", "5M", "1亿", "500万"), the comparator in the words before it ("more than",
 * "超过") or right after it ("or more", "以上"), the currency and period around it.
 */
import type { Normalizers } from '../normalize.js';
import type { MetricsLexicon } from './lexicon.js';
import type { Comparator, Period } from '../../types.js';

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

/** A reference word right before a number: "Section 2", "§ 3", "(4". */
const SECTION_BEFORE = /(?:section|clause|article|paragraph|§|schedule|exhibit|annex|version|v)\s?$|\($/;
const DIGITS = /^\d+$/;

/** Every regex of this module, for the ReDoS proof. */
export const THRESHOLD_PATTERNS: readonly RegExp[] = [NUMBER, ZH_NUMERAL, WORD_AFTER, SECTION_BEFORE, DIGITS];

interface Num { value: number; start: number; end: number }

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

export function numbersIn(text: string, norm: Normalizers, lex: MetricsLexicon): Num[] {
  const out: Num[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m !== null; m = NUMBER.exec(text)) {
    const base = Number(m[0].replace(/,/g, ''));
    const end = m.index + m[0].length;
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
  return out;
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
 * when no number is close enough (within 50 characters). With `percent`, only a number followed by a
 * percent word counts, and its value is the percentage.
 */
export function readThreshold(
  text: string, mStart: number, mEnd: number, norm: Normalizers, lex: MetricsLexicon, percent = false,
): ThresholdRead | undefined {
  let nums = numbersIn(text, norm, lex);
  if (percent) {
    nums = nums.filter((n) => {
      const after = text.slice(n.end, n.end + 12).toLowerCase().trimStart();
      return lex.percent.some((p) => after.startsWith(p));
    });
  } else {
    // a percentage or a year is not a count
    nums = nums.filter((n) => {
      const after = text.slice(n.end, n.end + 12).toLowerCase().trimStart();
      if (lex.percent.some((p) => after.startsWith(p)) || (n.value >= 1900 && n.value <= 2100 && n.end - n.start === 4)) return false;
      // a section or list number ("Section 2", "2.", "(3)") is not an amount
      const before = text.slice(Math.max(0, n.start - 12), n.start).toLowerCase();
      const next = text.slice(n.end, n.end + 1);
      const bare = DIGITS.test(text.slice(n.start, n.end));
      return !SECTION_BEFORE.test(before) && next !== ')' && !(bare && n.value < 100 && next === '.');
    });
  }
  const dist = (n: Num) => (n.end <= mStart ? mStart - n.end : n.start >= mEnd ? n.start - mEnd : 0);
  const best = nums.filter((n) => dist(n) <= 50).sort((a, b) => dist(a) - dist(b))[0];
  if (!best) return undefined;
  const before = text.slice(Math.max(0, best.start - 40), best.start);
  const after = text.slice(best.end, best.end + 20);
  const zh = /\p{Script=Han}/u.test(text);
  // "or more" / "or fewer" after the number, or after the metric that follows it ("5 million users or more")
  const tail = text.slice(best.end, Math.min(text.length, Math.max(best.end, mEnd) + 16, best.end + 60));
  const post = norm.comparator(tail);
  let comparator: ThresholdRead['comparator'] = post === '>=' || post === '<=' ? post : undefined;
  comparator ??= zh ? zhLookup(lex.zh_comparators, after.slice(0, 4)) ?? zhLookup(lex.zh_comparators, before.slice(-8)) : undefined;
  comparator ??= norm.comparator(lastWords(before, 6));
  const around = `${before} ${text.slice(best.start, best.end)} ${after}`;
  const currency = norm.currency(around) ?? (zh ? zhLookup(lex.zh_currencies, around) : undefined);
  const period = norm.period(text) ?? (zh ? zhLookup(lex.zh_periods, text) : undefined);
  return {
    value: best.value,
    ...(comparator ? { comparator } : {}),
    ...(currency ? { currency } : {}),
    ...(period ? { period } : {}),
  };
}

function lastWords(s: string, n: number): string {
  const words = s.split(/\s+/).filter(Boolean);
  return words.slice(-n).join(' ');
}
