/**
 * Numbers as the rules read them: digit groups written with spaces, apostrophes
 * or dots ("700 000 000", "700'000'000", "700.000.000") joined into one number,
 * and English number words with a scale word ("seven hundred million",
 * "twenty million") rewritten as digits. Only the reading changes: evidence
 * keeps quoting the input.
 */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema.js';
import { loadLexicon } from '../lexicon.js';

export const NumberWordsSchema = lazySchema(() => z.object({
  units: z.record(z.string(), z.number().int()),
  tens: z.record(z.string(), z.number().int()),
  hundred: z.array(z.string()).min(1),
  scales: z.record(z.string(), z.number().int()),
  joiners: z.array(z.string()),
}).strict());
type NumberWords = z.infer<typeof NumberWordsSchema>;

interface Lex { units: Map<string, number>; tens: Map<string, number>; hundred: Set<string>; scales: Map<string, number>; joiners: Set<string> }
let lex: Lex | null = null;
function lexicon(): Lex {
  if (lex) return lex;
  const l: NumberWords = loadLexicon('number-words', NumberWordsSchema);
  const m = (r: Record<string, number>) => new Map(Object.entries(r).map(([k, v]) => [k.toLowerCase(), v]));
  lex = { units: m(l.units), tens: m(l.tens), hundred: new Set(l.hundred), scales: m(l.scales), joiners: new Set(l.joiners) };
  return lex;
}

/**
 * Digit groups of exactly three digits after a first group of one to three:
 * space or apostrophe separators (one or more groups), dots (two or more
 * groups, as "1.000" alone is a decimal). Each repetition consumes a separator
 * and three digits, so matching is linear.
 */
const SPACE_GROUPS = /(?<![\d.,'’])(\d{1,3})((?:[ '’]\d{3})+)(?![\d'’]|[.,]\d)/g;
const DOT_GROUPS = /(?<![\d.,])(\d{1,3})((?:\.\d{3}){2,})(?![\d]|[.,]\d)/g;

/** Every regex of this module, for the ReDoS proof (test/analyze/fold-redos.test.ts). */
export const NUMBER_PATTERNS: readonly RegExp[] = [SPACE_GROUPS, DOT_GROUPS];

function joinDigitGroups(text: string): string {
  if (!/\d[ '’.]\d/.test(text)) return text;
  return text
    .replace(SPACE_GROUPS, (_m, a: string, rest: string) => a + rest.replace(/[ '’]/g, ''))
    .replace(DOT_GROUPS, (_m, a: string, rest: string) => a + rest.replace(/\./g, ''));
}

interface Word { start: number; end: number; lower: string }

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** ASCII words with their offsets (hyphens split words: "twenty-five"). */
function words(text: string): Word[] {
  const out: Word[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isLetter(text.charCodeAt(i))) { i++; continue; }
    const s = i;
    while (i < text.length && isLetter(text.charCodeAt(i))) i++;
    out.push({ start: s, end: i, lower: text.slice(s, i).toLowerCase() });
  }
  return out;
}

/** Only spaces or one hyphen between two words of a number. */
function gapOk(text: string, a: Word, b: Word): boolean {
  const gap = text.slice(a.end, b.start);
  return gap.length > 0 && gap.length <= 3 && (/^ +$/.test(gap) || gap === '-');
}

/** Value of a run of number words, or null when it is not a well-formed number. */
function valueOf(run: string[], l: Lex): number | null {
  let total = 0;
  let current = 0;
  let any = false;
  for (const w of run) {
    const u = l.units.get(w) ?? l.tens.get(w);
    if (u !== undefined) { current += u; any = true; continue; }
    if (l.hundred.has(w)) { if (!any && current === 0) return null; current = (current || 1) * 100; continue; }
    const s = l.scales.get(w);
    if (s !== undefined) {
      if (current === 0) return null;
      total += current * s;
      current = 0;
      continue;
    }
    return null;
  }
  return total + current;
}

function rewriteNumberWords(text: string): string {
  const l = lexicon();
  const ws = words(text);
  let out = '';
  let last = 0;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (!(l.units.has(w.lower) || l.tens.has(w.lower))) continue;
    // extend the run over number words and joiners
    let j = i;
    let end = i;
    let scale = false;
    while (j + 1 < ws.length && gapOk(text, ws[j]!, ws[j + 1]!)) {
      const n = ws[j + 1]!.lower;
      const isNum = l.units.has(n) || l.tens.has(n) || l.hundred.has(n) || l.scales.has(n);
      if (!isNum && !l.joiners.has(n)) break;
      j++;
      if (isNum) { end = j; if (l.hundred.has(n) || l.scales.has(n)) scale = true; }
    }
    if (!scale) { i = end; continue; }
    const run = ws.slice(i, end + 1).map((x) => x.lower).filter((x) => !l.joiners.has(x));
    const v = valueOf(run, l);
    if (v === null || !Number.isSafeInteger(v)) { i = end; continue; }
    out += text.slice(last, w.start) + String(v);
    last = ws[end]!.end;
    i = end;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** The text with digit groups joined and scaled number words written as digits. */
export function foldNumbers(text: string): string {
  const joined = joinDigitGroups(text);
  const l = lexicon();
  const lower = joined.toLowerCase();
  for (const w of [...l.hundred, ...l.scales.keys()]) if (lower.includes(w)) return rewriteNumberWords(joined);
  return joined;
}
