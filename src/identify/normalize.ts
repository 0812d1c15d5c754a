// Text normalization for license matching (SPDX Matching Guidelines, simplified).
// The library and the catalog generators (scripts/generate/catalog-fingerprints.ts) use the
// very same code.
//
// Output is a token list: lowercased words with their source line and character
// range. Punctuation, quotes, dashes, bullets, list numbering, markdown markup,
// URL schemes and copyright notices produce no tokens. Leading mirror pointer lines
// ("[For the original copy, see ...]") are skipped and the title (a short leading
// segment of the first paragraph) is marked as preamble, left out of fingerprints.
// Notices and the title are decided on paragraphs and sentences, not on physical
// lines, so re-wrapping a text leaves its tokens unchanged. The tokens of one
// line (list markers, URLs, enumerators, word rules) come from words.ts.

import { lineToTokens, unifyPhrases } from './words.js';
import { maskMarkup } from './mask.js';
import { keepParagraph, keptParagraph, paragraphMemoOn, type ParagraphTokens } from './paragraph-memo.js';

// All regexes below are linear: single character classes, bounded repetition,
// no nested quantifiers over overlapping classes.
const POINTER_LINE = /^\[[^\]]{0,400}\]$/;
const POINTER_WORDS = /\b(?:see|original|copy|faq)\b/i;
/** A copyright notice's opening: the word or sign, then a year, a placeholder or another sign. */
const NOTICE_START = /(?:copyright|©|\(c\))[\s:]*(?:\(c\)|©)?\s*(?:[[<{]|\(c\)|©|\d{4})/gi;
/** Same, anchored at lastIndex (sticky). */
const NOTICE_AT = /(?:copyright|©|\(c\))[\s:]*(?:\(c\)|©)?\s*(?:[[<{]|\(c\)|©|\d{4})/iy;
/** Cheap prefilter for paragraphs that may hold a notice. */
const MAYBE_NOTICE = /copyright|©|\(c\)/i;
/** Closing quotes and an "All rights reserved." sentence right after a notice (sticky). */
const RESERVED = /["'\u201d\u2019]{0,2}(?:\s{0,8}all\s{1,8}rights\s{1,8}reserved[.!]?["'\u201d\u2019]{0,2})?/iy;
/** Longest notice (in words) without a sentence end before falling back to its first line. */
const NOTICE_MAX_TOKENS = 30;
/** Initials whose '.' does not end a notice sentence ("U.S", "L"). */
const INITIALS = /^[a-z](?:\.[a-z]){0,3}$/i;
/** A lowercase word of four or more letters. */
const LOWER_WORD = /(?:^|[^\p{L}])\p{Ll}{4}/u;
/** Lines shorter than this (trimmed) end a unit: headings, list labels, notice lines. Re-wrapped prose lines are longer. */
const SHORT_LINE = 40;
const TITLE_MAX_TOKENS = 12;

export interface Tokens {
  /** Normalized words (lowercase, equivalent spellings unified). */
  words: string[];
  /** 1-based source line of each word. */
  lines: number[];
  /** Character offset (start, end exclusive) of each word in the input text. */
  starts: number[];
  ends: number[];
  /** Index of the first body word (words before it form the title line). */
  bodyStart: number;
}


/** A copyright notice: [start, end) character range in its paragraph. */
type Range = [number, number];

/**
 * Tokens of a text. Decisions that matter for matching (copyright notices,
 * title) are made on paragraph structure (blank-line separated), not on
 * physical lines, so that re-wrapping a text does not change its tokens.
 */
export function tokenize(input: string): Tokens {
  // markup blanked in place: offsets are the input's
  const text = maskMarkup(input);
  const words: string[] = [];
  const lines: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  // "\r\r\n" (a CRLF text converted to CRLF once more) is one line end
  const srcLines = text.split(/\r*\n|\r/);
  const lineOffsets = lineStarts(text, srcLines);
  let leading = true; // still before the first content paragraph
  let titlePending = true;
  let bodyStart = 0;
  const memo = paragraphMemoOn();
  for (let i = 0; i < srcLines.length; i++) {
    if (isBlank(srcLines[i])) continue;
    if (leading && srcLines[i].trim().startsWith('[')) {
      const span = pointerSpan(srcLines, i);
      if (span > 0) { i += span - 1; continue; }
    }
    // paragraph: lines i..j (non-blank)
    let j = i;
    while (j + 1 < srcLines.length && !isBlank(srcLines[j + 1])) j++;
    const a = i;
    const from = lineOffsets[a];
    // a paragraph met before is shifted into place (paragraph-memo.ts)
    const key = memo ? text.slice(from, lineOffsets[j] + srcLines[j].length) : '';
    const kept = memo ? keptParagraph(key) : undefined;
    let para: Readonly<ParagraphTokens>, by = 0, lineBy = 0;
    if (kept) {
      para = kept; by = from; lineBy = a + 1;
    } else {
      const read = paragraphTokens(text, srcLines, lineOffsets, a, j);
      if (memo) keepParagraph(key, read, from, a);
      para = read;
    }
    i = j;
    if (para.words.length === 0) continue;
    leading = false;
    const base = words.length;
    for (let k = 0; k < para.words.length; k++) {
      words.push(para.words[k]); lines.push(para.lines[k] + lineBy); starts.push(para.starts[k] + by); ends.push(para.ends[k] + by);
    }
    if (titlePending) {
      titlePending = false;
      if (para.titleEnd > 0) bodyStart = base + para.titleEnd;
    }
  }
  const before = words.length;
  const remap: number[] = [];
  unifyPhrases(words, starts, ends, lines, remap);
  return { words, lines, starts, ends, bodyStart: words.length === before ? bodyStart : remap[bodyStart] ?? words.length };
}

/** Whitespace only (what trim() removes: \\s is the same set), without a trimmed copy. */
const NOT_SPACE = /\S/;
const isBlank = (line: string): boolean => !NOT_SPACE.test(line);

/** Character offset of the start of every line (handles CRLF and CR). */
function lineStarts(text: string, srcLines: readonly string[]): number[] {
  const out = new Array<number>(srcLines.length);
  let pos = 0;
  for (let i = 0; i < srcLines.length; i++) {
    out[i] = pos;
    pos += srcLines[i].length;
    let q = pos;
    while (text[q] === '\r') q++;
    pos = text[q] === '\n' ? q + 1 : pos + 1;
  }
  return out;
}

/**
 * Number of lines (1..8) forming a bracketed mirror pointer such as
 * "[For the original copy, see URL]" starting at line i, possibly hard-wrapped; 0 if none.
 */
function pointerSpan(srcLines: readonly string[], i: number): number {
  let joined = '';
  for (let j = i; j < srcLines.length && j < i + 8; j++) {
    const t = srcLines[j].trim();
    if (t === '') return 0;
    joined += (joined ? ' ' : '') + t;
    if (joined.endsWith(']')) {
      return POINTER_LINE.test(joined) && POINTER_WORDS.test(joined) ? j - i + 1 : 0;
    }
  }
  return 0;
}

/**
 * Kept tokens of one paragraph (lines a..b) and the number of leading tokens
 * that form a title (0 if none).
 */
function paragraphTokens(text: string, srcLines: readonly string[], lineOffsets: readonly number[], a: number, b: number): ParagraphTokens {
  const w: string[] = [], st: number[] = [], en: number[] = [], ln: number[] = [];
  for (let i = a; i <= b; i++) {
    const before = w.length;
    lineToTokens(srcLines[i], lineOffsets[i], w, st, en);
    for (let k = before; k < w.length; k++) ln.push(i + 1);
  }
  const from = lineOffsets[a];
  const to = lineOffsets[b] + srcLines[b].length;
  // same-length line-end unification: "\r...\n" -> "  \n", lone CR -> "\n"
  const para = text.slice(from, to).replace(/\r+\n/g, (m) => ' '.repeat(m.length - 1) + '\n').replace(/\r/g, '\n');
  const notices = MAYBE_NOTICE.test(para) ? findNotices(para) : [];
  if (notices.length === 0) {
    // no notice to drop: the line tokens are the paragraph's tokens
    const last = en.length - 1;
    const titleEnd = w.length > 0 && isTitle(para, en[last] - from, para.length, w, ln) ? w.length : 0;
    return { words: w, lines: ln, starts: st, ends: en, titleEnd };
  }
  const words: string[] = [], lines: number[] = [], starts: number[] = [], ends: number[] = [];
  let titleEnd = 0;
  let titleDecided = false;
  let n = 0; // notice index
  for (let k = 0; k < w.length; k++) {
    const pos = st[k] - from;
    while (n < notices.length && notices[n][1] <= pos) n++;
    if (n < notices.length && notices[n][0] <= pos) {
      // first notice after leading kept words closes the title candidate
      if (!titleDecided && words.length > 0) {
        titleDecided = true;
        titleEnd = isTitle(para, en[k - 1] - from, notices[n][0], words, lines) ? words.length : 0;
      }
      continue;
    }
    words.push(w[k]); lines.push(ln[k]); starts.push(st[k]); ends.push(en[k]);
  }
  if (!titleDecided && words.length > 0) {
    titleEnd = isTitle(para, ends[ends.length - 1] - from, para.length, words, lines) ? words.length : 0;
  }
  return { words, lines, starts, ends, titleEnd };
}

/**
 * A short leading segment of the first paragraph, not ending like a sentence or
 * clause, is a title. A title spread over several lines must hold no number:
 * stacked "name / version / date" headings keep their version in the body.
 */
function isTitle(para: string, lastEnd: number, segEnd: number, words: readonly string[], lines: readonly number[]): boolean {
  if (words.length > TITLE_MAX_TOKENS) return false;
  if (/[.;,]$/.test(para.slice(lastEnd, segEnd).trimEnd())) return false;
  return lines[0] === lines[lines.length - 1] || !words.some((w) => /\d/.test(w));
}

/**
 * Copyright notices in a paragraph as [start, end) character ranges. A notice
 * starts with "Copyright"/"(c)"/"©" followed by a year, a placeholder or
 * another copyright sign, where a unit starts: at the paragraph start, after a
 * sentence end, right after another notice, or on a line following a short
 * line (a heading or list label, never a re-wrapped sentence). It ends at the
 * sentence end (plus a following "All rights reserved."), at the next notice,
 * at the end of its first line when that line is short, or at the paragraph end; a notice running longer than
 * NOTICE_MAX_TOKENS words without any of these ends with its first line.
 */
function findNotices(para: string): Range[] {
  const out: Range[] = [];
  let lastEnd = -1;
  NOTICE_START.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NOTICE_START.exec(para)) !== null) {
    const s = m.index;
    if (!startsUnit(para, s, lastEnd)) continue;
    let e = noticeEnd(para, s, NOTICE_START.lastIndex);
    e = extendReserved(para, e);
    out.push([s, e]);
    lastEnd = e;
    NOTICE_START.lastIndex = Math.max(e, NOTICE_START.lastIndex);
  }
  return out;
}

/** Characters skipped when looking back from a notice for what precedes it. */
const SKIP_BACK = ' \t\r\n"\'\u201c\u201d\u2018\u2019\u00ab\u00bb*#>_`=~-\u2013\u2014)]';
const TERMINATORS = '.!?;:';

function startsUnit(para: string, s: number, lastEnd: number): boolean {
  let b = s - 1;
  let crossedLine = false;
  while (b >= 0 && SKIP_BACK.includes(para[b])) {
    if (para[b] === '\n' || para[b] === '\r') crossedLine = true;
    b--;
  }
  if (b < 0 || b < lastEnd) return true;
  if (TERMINATORS.includes(para[b])) return true;
  if (!crossedLine) return false;
  const prev = lineAt(para, b);
  return (prev.length < SHORT_LINE || isHeadingLine(prev)) && isOwnLine(para, b);
}

/**
 * The line holding position p stands on its own: it is the paragraph's first
 * line or follows a short line or a sentence end. The short last piece of a
 * re-wrapped long line follows a long piece and so does not.
 */
function isOwnLine(para: string, p: number): boolean {
  let a = p;
  while (a > 0 && para[a - 1] !== '\n' && para[a - 1] !== '\r') a--;
  let z = a - 1;
  while (z >= 0 && (para[z] === '\n' || para[z] === '\r')) z--;
  if (z < 0) return true;
  const before = lineAt(para, z);
  return before.length < SHORT_LINE || TERMINATORS.includes(before[before.length - 1]) || !/[\p{L}\p{N}]/u.test(before);
}

/** Trimmed line containing position p. */
function lineAt(para: string, p: number): string {
  let a = p;
  while (a > 0 && para[a - 1] !== '\n' && para[a - 1] !== '\r') a--;
  let z = p;
  while (z < para.length && para[z] !== '\n' && para[z] !== '\r') z++;
  return para.slice(a, z).trim();
}

/**
 * A heading: no lowercase word of 4+ letters and no trailing comma. Re-wrapped
 * prose lines practically always hold such a word.
 */
function isHeadingLine(line: string): boolean {
  return !/,$/.test(line) && !LOWER_WORD.test(line);
}

/**
 * The '.' at p does not end a sentence: it closes initials ("U.S.", "L.") or
 * the next word starts in lowercase ("Inc. and its affiliates").
 */
function isAbbreviation(para: string, p: number): boolean {
  let a = p;
  while (a > 0 && a > p - 8 && /[A-Za-z.]/.test(para[a - 1])) a--;
  if (INITIALS.test(para.slice(a, p))) return true;
  let q = p + 1;
  while (q < para.length && (para[q] === ' ' || para[q] === '\t')) q++;
  return q < para.length && /\p{Ll}/u.test(para[q]);
}

/** Trimmed length of the line containing position p. */
function lineLengthAt(para: string, p: number): number {
  return lineAt(para, p).length;
}

function noticeEnd(para: string, s: number, from: number): number {
  let words = 0;
  let inWord = false;
  let firstLine = true;
  for (let p = from; p < para.length; p++) {
    const c = para[p];
    if (TERMINATORS.includes(c) && c !== ':' && (p + 1 === para.length || /[\s"'\u201d\u2019)\]]/.test(para[p + 1]))
      && !(c === '.' && isAbbreviation(para, p))) {
      return p + 1;
    }
    if (c === '\n' || c === '\r') {
      // a short first line (a line of its own, never a re-wrapped piece) ends the notice
      if (firstLine && lineLengthAt(para, p - 1) < SHORT_LINE) return p;
      firstLine = false;
    }
    if (c === 'c' || c === 'C' || c === '\u00a9' || c === '(') {
      NOTICE_AT.lastIndex = p;
      if (NOTICE_AT.test(para)) return p;
    }
    const wordChar = /[\p{L}\p{N}]/u.test(c);
    if (wordChar && !inWord && ++words > NOTICE_MAX_TOKENS) {
      // runaway: end with the notice's first physical line
      let z = s;
      while (z < para.length && para[z] !== '\n' && para[z] !== '\r') z++;
      return z;
    }
    inWord = wordChar;
  }
  return para.length;
}

/** Extend a notice over closing quotes and a following "All rights reserved." */
function extendReserved(para: string, e: number): number {
  RESERVED.lastIndex = e;
  const m = RESERVED.exec(para);
  return m ? e + m[0].length : e;
}

/** Normalized form of a whole text (body only, title and preamble dropped). */
export function normalizeText(text: string): string {
  const t = tokenize(text);
  return t.words.slice(t.bodyStart).join(' ');
}
