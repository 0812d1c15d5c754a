/**
 * Numbers written in English words: "five million", "seven hundred million", "two hundred fifty thousand",
 * "one hundred and fifty thousand", "twenty-five billion". A run of number words is read left to right
 * (units add, "hundred" multiplies what came before it, a scale word closes a group); a run needs a scale
 * word or a percent word after it to count as an amount (a bare "three" is not one). Words from
 * data/lexicons/reader/metrics.yaml (en_numbers, en_scales, en_joiners, en_articles: "a million").
 */
import type { MetricsLexicon } from './lexicon.js';

export interface WordNumber { value: number; start: number; end: number; scaled: boolean }

/** An English word ("five", "twenty-five"). Linear: one optional hyphen part. */
const EN_WORD = /[a-z]+(?:-[a-z]+)?/g;
const WORDCH = /[a-z0-9]/;
/** What may stand between the words of one number: spaces or a hyphen. */
const GAP = /^[\s-]{1,4}$/;
/** At most this many words in one number ("one hundred and twenty five thousand" is 6). */
const MAX_WORDS = 8;

export const NUMWORD_PATTERNS: readonly RegExp[] = [EN_WORD, WORDCH, GAP];

function unit(w: string, lex: MetricsLexicon): number | undefined {
  const direct = lex.en_numbers[w];
  if (direct !== undefined) return direct;
  const [tens, ones] = w.split('-');
  const t = tens !== undefined ? lex.en_numbers[tens] : undefined;
  const o = ones !== undefined ? lex.en_numbers[ones] : undefined;
  return t !== undefined && o !== undefined && t >= 20 && t % 10 === 0 && o < 10 ? t + o : undefined;
}

/** Every run of number words in `low` (lowercase text), with its value and whether a scale word closed it. */
export function wordNumbers(low: string, lex: MetricsLexicon): WordNumber[] {
  const scales = lex.en_scales ?? {};
  const joiners = new Set(lex.en_joiners ?? []);
  const articles = new Set(lex.en_articles ?? []);
  const words: Array<{ w: string; start: number; end: number }> = [];
  EN_WORD.lastIndex = 0;
  for (let m = EN_WORD.exec(low); m !== null; m = EN_WORD.exec(low)) {
    if (m.index > 0 && WORDCH.test(low[m.index - 1]!)) continue;
    words.push({ w: m[0], start: m.index, end: m.index + m[0].length });
  }
  const out: WordNumber[] = [];
  for (let i = 0; i < words.length; i++) {
    // "a million", "a hundred thousand": an article counts as one, only first and only before a scale or "hundred"
    const next = words[i + 1]?.w;
    const article = articles.has(words[i]!.w) && next !== undefined && (scales[next] !== undefined || next === 'hundred');
    if (!article && unit(words[i]!.w, lex) === undefined) continue;
    let total = 0;
    let cur = article ? 1 : 0;
    let scaled = false;
    let end = words[i]!.end;
    let j = article ? i + 1 : i;
    for (; j < words.length && j < i + MAX_WORDS; j++) {
      const { w } = words[j]!;
      // only a space (or a hyphen) between the words of one number
      if (j > i && !GAP.test(low.slice(words[j - 1]!.end, words[j]!.start))) break;
      const u = unit(w, lex);
      const s = scales[w];
      if (w === 'hundred' && u !== undefined) cur = (cur || 1) * u;
      else if (u !== undefined) cur += u;
      else if (s !== undefined) { total += (cur || 1) * s; cur = 0; scaled = true; }
      else if (joiners.has(w) && j + 1 < words.length && unit(words[j + 1]!.w, lex) !== undefined && j > i) continue;
      else break;
      end = words[j]!.end;
    }
    out.push({ value: total + cur, start: words[i]!.start, end, scaled });
    // the next run starts after this one
    while (i + 1 < words.length && words[i + 1]!.start < end) i++;
  }
  return out;
}
