/**
 * Default sentence splitter for the extract stage (the parse stage may inject
 * a better one). Sentences end at ". ", "? ", "! " (also before a newline)
 * when the next character is an uppercase letter, a quote, a digit or an
 * opening bracket; not after common abbreviations (e.g., i.e., U.S., Inc.,
 * No.) and not after a lone list marker ("1.", "a.", "iv.") that starts a
 * sentence. A newline followed by a list marker also starts a new sentence.
 * Positions are exact: 1-based line and column derived from segment.lineStarts.
 */
import { locate } from '../parse/sentences.js';
import type { ParsedDocument, Segment, Sentence } from '../types.js';

const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'u.s', 'u.k', 'u.s.a', 'inc', 'ltd', 'co', 'corp', 'no', 'nos', 'vs', 'etc', 'mr', 'mrs', 'ms', 'dr',
  'st', 'sec', 'art', 'para', 'cf', 'al', 'approx', 'fig', 'jr', 'sr', 'llc', 'plc', 'e.u', 'p.r.c', 'viz',
]);
const LIST_MARKER = /^(?:\(?[0-9]{1,3}(?:\.[0-9]{1,3})*\)?|\(?[a-z]\)?|\(?[ivxlc]{1,6}\)?)$/i;

// candidate sentence end: terminal punctuation, optional closing quote/bracket, whitespace, then a sentence start
const BOUNDARY = /([.?!])["'”’)]?(\s+)(?=[A-Z0-9"“'‘(\[])/g;
// a newline followed by a bullet or enumerator
const LIST_BREAK = /\n[ \t]*(?=(?:[-*•·]|\(?[0-9]{1,3}[.)]|\(?[a-z]{1,4}[.)]|\([a-z0-9]{1,4}\))[ \t])/g;

/** Maps an offset in segment text to its 1-based source line and column (the parse stage's locate). */
export const positionAt = locate;

function lastWord(text: string, start: number, end: number): string {
  let i = end;
  while (i > start && !/\s/.test(text[i - 1]!)) i--;
  return text.slice(i, end).replace(/^[("'“‘\[]+/, '');
}

/** Offsets (exclusive ends) where sentences end inside one segment's text. */
export function sentenceCuts(text: string): number[] {
  const cuts: number[] = [];
  let sentenceStart = 0;
  const ends: Array<{ at: number; next: number; punct: string; dotAt: number }> = [];
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    ends.push({ at: m.index + m[0].length - m[2]!.length, next: m.index + m[0].length, punct: m[1]!, dotAt: m.index });
  }
  LIST_BREAK.lastIndex = 0;
  for (let m = LIST_BREAK.exec(text); m; m = LIST_BREAK.exec(text)) {
    ends.push({ at: m.index, next: m.index + m[0].length, punct: '\n', dotAt: m.index });
  }
  ends.sort((a, b) => a.at - b.at);
  let lastCut = -1;
  for (const e of ends) {
    if (e.at <= lastCut) continue;
    if (e.punct === '.') {
      const word = lastWord(text, sentenceStart, e.dotAt).toLowerCase();
      if (ABBREVIATIONS.has(word)) continue;
      // a sentence that is only a list marker ("1.", "iv.") is not a sentence
      const before = text.slice(sentenceStart, e.dotAt).trim();
      if (LIST_MARKER.test(before)) continue;
      // a single capital initial ("J. Smith")
      if (/^[A-Z]$/.test(word) && before.length > 1) continue;
    }
    cuts.push(e.at);
    lastCut = e.at;
    sentenceStart = e.next;
  }
  return cuts;
}

export function splitSegment(seg: Segment, segIndex: number): Sentence[] {
  const text = seg.text;
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    while (s < end && /\s/.test(text[s]!)) s++;
    let e = end;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) {
      const pos = positionAt(seg, s);
      out.push({ text: text.slice(s, e), line: pos.line, column: pos.column, segment: segIndex });
    }
  };
  for (const cut of sentenceCuts(text)) {
    push(cut);
    start = cut;
  }
  push(text.length);
  return out;
}

/** Default splitter: every segment's sentences, in document order. */
export function splitSentences(doc: ParsedDocument): Sentence[] {
  return doc.segments.flatMap((seg, i) => splitSegment(seg, i));
}
