import type { ParsedDocument, Segment, Sentence } from '../types.js';
import { z } from 'zod';
import { lazySchema } from '../lazy-schema.js';
import { loadLexicon } from '../lexicon.js';
import { lastAtOrBefore } from '../sorted.js';

/**
 * Sentence splitting for evidence. Splits on `.`, `?`, `!` followed by
 * whitespace and a sentence start (uppercase, quote, digit, opening bracket),
 * on blank lines, and before a line that starts a list item. Never splits on
 * semicolons, abbreviations (e.g., i.e., U.S., Inc., No., Sec.: data/lexicons/sentences.yaml),
 * decimals (3.1) or list markers at a line start ("a.", "(i)", "2.", "1.2.").
 * The one splitter: parse, extract (extractTerms' default), the rule examples
 * and the change reading (analyze/changes.ts) all use it.
 */

export const SentencesLexiconSchema = lazySchema(() => z.object({
  /** Lower case, without the final period. */
  abbreviations: z.array(z.string().min(1).refine((w) => w === w.toLowerCase() && !w.endsWith('.'), 'lower case, no final period')).min(1),
}).strict());

let abbreviations: ReadonlySet<string> | null = null;
/** Words after which a period does not end a sentence (data/lexicons/sentences.yaml). */
function abbreviationSet(): ReadonlySet<string> {
  return (abbreviations ??= new Set(loadLexicon('sentences', SentencesLexiconSchema).abbreviations));
}

const CANDIDATE = /[.?!\n]/g;
/** A line that begins a list item: bullet, "1.", "1.2.", "a)", "(iv)". */
const LIST_LINE = /[ \t]*(?:[-*•+▪◦●]|\(?(?:\d{1,3}(?:\.\d{1,3}){0,3}|[A-Za-z]|[ivxlcIVXLC]{2,6})[.)])[ \t]/y;
const INITIALISM = /^(?:[a-z]\.){1,4}[a-z]$/;
const MARKER = /^\(?(?:\d{1,3}(?:\.\d{1,3}){0,3}|[a-z]|[ivxlc]{1,6})\)?$/;
const LEADING_PUNCT = /^[("“'‘[]+/;
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '*', '_']);
const OPENERS = new Set(['"', '“', "'", '‘', '(', '[', '«']);

/** Same set as String.prototype.trim (ASCII and Unicode spaces, line/paragraph separators, BOM). */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function startsSentence(text: string, k: number): boolean {
  const ch = text[k]!;
  if (OPENERS.has(ch)) return true;
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return true;
  return ch !== ch.toLowerCase();
}

/** True when the period at `dot` closes an abbreviation or a list marker rather than a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && !isSpace(text.charCodeAt(s - 1))) s--;
  if (s === dot) return false;
  const raw = text.slice(s, dot).toLowerCase();
  const token = raw.replace(LEADING_PUNCT, '');
  // single letters: initials (J. Smith) and list markers (a.)
  if (token.length === 0) return false;
  if (abbreviationSet().has(token) || INITIALISM.test(token)) return true;
  if (token.length === 1 && token !== token.toUpperCase()) return true;
  if (MARKER.test(raw)) {
    // a marker only at the start of its line
    let j = s;
    while (j > 0 && (text.charCodeAt(j - 1) === 32 || text.charCodeAt(j - 1) === 9)) j--;
    return j === 0 || text.charCodeAt(j - 1) === 10;
  }
  return false;
}

/** Splits `text` into trimmed sentence ranges [start, end). */
export function sentenceRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const n = text.length;
  const push = (a: number, b: number) => {
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    if (b > a) out.push([a, b]);
  };
  let start = 0;
  CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CANDIDATE.exec(text)) !== null) {
    const i = m.index;
    const ch = text.charCodeAt(i);
    if (ch === 10) {
      let j = i + 1;
      while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
      if (j < n && text.charCodeAt(j) === 10) {
        push(start, i);
        start = j + 1;
        CANDIDATE.lastIndex = start;
        continue;
      }
      LIST_LINE.lastIndex = i + 1;
      if (LIST_LINE.test(text)) {
        push(start, i);
        start = i + 1;
      }
      continue;
    }
    let j = i + 1;
    while (j < n && CLOSERS.has(text[j]!)) j++;
    if (j >= n || !isSpace(text.charCodeAt(j))) continue;
    let k = j;
    while (k < n && isSpace(text.charCodeAt(k))) k++;
    if (k >= n || !startsSentence(text, k)) continue;
    // a closing quote/bracket after the period ends the sentence even after an abbreviation
    if (ch === 46 && j === i + 1 && isAbbreviation(text, i)) continue;
    push(start, j);
    start = k;
    CANDIDATE.lastIndex = k;
  }
  push(start, n);
  return out;
}

/** Source position of an offset in a segment's text (last lineStarts entry at or before it). */
export function locate(seg: Segment, offset: number): { line: number; column: number } {
  const ls = seg.lineStarts;
  if (ls.length === 0) return { line: seg.line, column: seg.column + offset };
  const e = ls[lastAtOrBefore(ls.length, (i) => ls[i]!.offset, offset)]!;
  if (e.offset > offset) return { line: e.line, column: e.column };
  return { line: e.line, column: e.column + (offset - e.offset) };
}

/** Every sentence of every segment, with the source line/column of its first character. */
export function splitSentences(doc: ParsedDocument): Sentence[] {
  const out: Sentence[] = [];
  const starts = doc.format === 'markdown' ? lineOffsets(doc.text) : null;
  doc.segments.forEach((seg, segment) => {
    for (const [a, b] of sentenceRanges(seg.text)) {
      const { line, column } = locate(seg, a);
      const text = seg.text.slice(a, b);
      const sentence: Sentence = { text, line, column, segment };
      if (starts) {
        const src = sourceSlice(doc.text, starts, { line, column }, locate(seg, b - 1));
        if (src !== null && src.text !== text) {
          sentence.source = src.text;
          sentence.column = src.column;
        }
      }
      out.push(sentence);
    }
  });
  return out;
}

/** Offset of the start of every line of text. */
function lineOffsets(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/**
 * The input between two source positions (first and last character of a
 * rendered sentence), markup included, widened over emphasis markers that
 * open or close right at its ends ("**Notice:** text" rather than "Notice:** text");
 * null when the positions do not make a plausible range (evidence then keeps
 * the rendered text).
 */
function sourceSlice(text: string, starts: number[], from: { line: number; column: number }, to: { line: number; column: number }): { text: string; column: number } | null {
  const a = starts[from.line - 1];
  const z = starts[to.line - 1];
  if (a === undefined || z === undefined) return null;
  let s = a + from.column - 1;
  let e = z + to.column;
  if (s < a || e > text.length || e <= s) return null;
  while (s > a && EMPHASIS_CHAR.has(text[s - 1]!)) s--;
  while (e < text.length && EMPHASIS_CHAR.has(text[e]!)) e++;
  return { text: text.slice(s, e), column: s - a + 1 };
}

const EMPHASIS_CHAR = new Set(['*', '_']);
