/**
 * Tokens for the clause reader. English: words (letters/digits joined by inner . , ' - ), and single
 * punctuation marks; "don't" reads as "do" + "not". Chinese (any Han character in the sentence): words from
 * Intl.Segmenter (built into Node). Each token keeps its offset in the sentence, for evidence and spans.
 */
import { wordSet } from './grammar.js';
export interface Token {
  /** Lowercased text. */
  low: string;
  start: number;
  end: number;
  /** True for words (letters/digits), false for punctuation. */
  word: boolean;
  /** The word starts with an upper-case letter in the text (a name, a defined term, a sentence's first word). */
  cap?: true;
}

/**
 * A word: a run of letters, digits or marks, optionally joined by one inner . , ' ’ - @ (linear: each repetition starts
 * with a separator). "@" joins so that an e-mail address is one word: "sales@example.com" names no act of selling.
 */
const EN_TOKEN = /[\p{L}\p{N}\p{M}]+(?:[.,'’@-][\p{L}\p{N}\p{M}]+)*|[^\s\p{L}\p{N}\p{M}]/gu;
/** The same for ASCII text (the common case: no Unicode property lookups). */
const ASCII_TOKEN = /[a-z0-9]+(?:[.,'@-][a-z0-9]+)*|[^\sa-z0-9]/g;
const NON_ASCII = /[^\x00-\x7f]/;
/** A Chinese character. */
export const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const WORDLIKE = /[\p{L}\p{N}]/u;

/** Every regex of this module, for the ReDoS proof. */


/** Is the character code a letter or digit (ASCII). */
function asciiWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

let zhSegmenter: Intl.Segmenter | null = null;

export function isChinese(text: string): boolean {
  return NON_ASCII.test(text) && HAN.test(text);
}

/** ASCII whitespace (what `\s` matches in ASCII text). */
function asciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** An inner joiner of a word: . , ' - @ */
function asciiJoiner(c: number): boolean {
  return c === 46 || c === 44 || c === 39 || c === 45 || c === 64;
}

/** The end of the ASCII word going on at i: a run of [a-z0-9], continued by one joiner followed by [a-z0-9]. */
function asciiWordEnd(src: string, from: number): number {
  const n = src.length;
  let i = from;
  for (;;) {
    while (i < n && asciiWord(src.charCodeAt(i))) i++;
    if (i + 1 < n && asciiJoiner(src.charCodeAt(i)) && asciiWord(src.charCodeAt(i + 1))) { i += 2; continue; }
    return i;
  }
}

/** Scans lowercased ASCII text once: each word (see asciiWordEnd) and each other non-space character, in order. */
function scanAscii(src: string, word: (start: number, end: number) => void, mark: (at: number) => void): void {
  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (asciiWord(c)) {
      const start = i;
      i = asciiWordEnd(src, i + 1);
      word(start, i);
    } else {
      if (!asciiSpace(c)) mark(i);
      i++;
    }
  }
}

/**
 * The spans ASCII_TOKEN matches in lowercased ASCII text, by a character scan (no match arrays): a run of [a-z0-9],
 * continued by one joiner followed by [a-z0-9]; any other non-space character is a token of its own.
 */
export function asciiSpans(src: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  scanAscii(src, (start, end) => out.push([start, end]), (at) => out.push([at, at + 1]));
  return out;
}

const letterMemo = new Map<number, boolean>();
/** Letter, digit or mark (memoized per code point; ASCII by range). */
function isWordChar(c: number, ch: string): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  let v = letterMemo.get(c);
  if (v === undefined) { v = WORD_CHAR.test(ch); if (letterMemo.size < 10_000) letterMemo.set(c, v); }
  return v;
}
const JOINERS = new Set(['.', ',', "'", '’', '-', '@']);

/** The same spans as EN_TOKEN, by a linear character scan (faster than Unicode property classes in a regex). */
function scanSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const ch = text[i]!;
    const c = ch.charCodeAt(0);
    if (isWordChar(c, ch)) {
      const start = i;
      i++;
      for (;;) {
        while (i < n && isWordChar(text.charCodeAt(i), text[i]!)) i++;
        // one inner joiner followed by a word character continues the word
        if (i + 1 < n && JOINERS.has(text[i]!) && isWordChar(text.charCodeAt(i + 1), text[i + 1]!)) { i += 2; continue; }
        break;
      }
      out.push([start, i]);
    } else {
      if (!/\s/.test(ch)) out.push([i, i + 1]);
      i++;
    }
  }
  return out;
}

const CONTRACTIONS: Record<string, string> = { "'re": 'are', "'ll": 'will', "'ve": 'have' };
/** A web address: a scheme, "://", then anything up to a space, a quote or a bracket (one pass, no backtracking). */
const URL = /\bhttps?:\/\/[^\s"'<>()\[\]]+/g;
const URL_END = /[.,;:!?]/;
export const TOKEN_PATTERNS: readonly RegExp[] = [EN_TOKEN, ASCII_TOKEN, NON_ASCII, HAN, WORDLIKE, WORD_CHAR, URL, URL_END];

/** The [start, end) spans of the web addresses in text, without a closing ".", ",", ";" or ":". */
function urlSpans(text: string): Array<[number, number]> {
  if (!text.includes('://')) return [];
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(URL)) {
    let end = m.index + m[0].length;
    while (end > m.index && URL_END.test(text[end - 1]!)) end--;
    out.push([m.index, end]);
  }
  return out;
}

/**
 * "don't" -> "do" + "not", "won't" -> "will" + "not", "can't" -> "can" + "not", "you're" -> "you" + "are", "you'll" ->
 * "you" + "will", "we've" -> "we" + "have": pushed to out (false for any other word); the first of the last three keeps `cap`.
 */
function contraction(out: Token[], low: string, start: number, end: number, cap: boolean): boolean {
  if (low.length <= 3) return false;
  const tail = low.slice(-3);
  const second = tail === "n't" ? 'not' : CONTRACTIONS[tail];
  if (second === undefined) return false;
  const base = low === "won't" ? 'will' : low === "can't" ? 'can' : low.slice(0, -3);
  out.push(cap && second !== 'not' ? { low: base, start, end: end - 3, word: true, cap: true } : { low: base, start, end: end - 3, word: true }, { low: second, start: end - 3, end, word: true });
  return true;
}

/**
 * The tokens of ASCII text, in one scan of the text lowercased once (same length): the spans of asciiSpans, each a word
 * (a run of [a-z0-9] with inner joiners: capitalised when its first letter is upper-case) or one mark.
 */
function asciiTokens(text: string, out: Token[]): void {
  const src = text.toLowerCase();
  scanAscii(src, (start, end) => {
    const low = src.slice(start, end);
    const first = text.charCodeAt(start);
    if (contraction(out, low, start, end, first >= 65 && first <= 90)) return;
    out.push(first >= 65 && first <= 90 ? { low, start, end, word: true, cap: true } : { low, start, end, word: true });
  }, (at) => out.push({ low: src[at]!, start: at, end: at + 1, word: false }));
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  if (isChinese(text)) {
    zhSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
    for (const s of zhSegmenter.segment(text)) {
      if (/^\s+$/u.test(s.segment)) continue;
      out.push({ low: s.segment.toLowerCase(), start: s.index, end: s.index + s.segment.length, word: WORDLIKE.test(s.segment) });
    }
    return out;
  }
  if (!NON_ASCII.test(text)) asciiTokens(text, out);
  else {
    // a character scanner (Unicode letters, digits and marks)
    for (const [start, end] of scanSpans(text)) {
      const low = text.slice(start, end).toLowerCase().replace(/’/g, "'");
      if (!contraction(out, low, start, end, text[start] !== low[0] && text[start] === text[start]!.toUpperCase())) {
        const tok: Token = { low, start, end, word: WORDLIKE.test(low) };
        if (tok.word && text[start] !== low[0] && text[start] === text[start]!.toUpperCase()) tok.cap = true;
        out.push(tok);
      }
    }
  }
  const urls = urlSpans(text);
  const toks = urls.length ? mergeUrls(out, urls, text) : out;
  // "May 2024" is a month, not a grant
  for (let i = 0; i + 1 < toks.length; i++) {
    if (toks[i]!.low === 'may' && text[toks[i]!.start] === 'M' && /^\d/.test(toks[i + 1]!.low)) toks[i]!.low = 'may-month';
  }
  return toks;
}

/** A web address is one token ("https://acme.example/register": its ":" and "/" are no punctuation of the clause). */
function mergeUrls(toks: Token[], urls: Array<[number, number]>, text: string): Token[] {
  const out: Token[] = [];
  let u = 0;
  for (const t of toks) {
    while (u < urls.length && urls[u]![1] <= t.start) u++;
    const url = urls[u];
    if (url && t.start >= url[0]) {
      if (out[out.length - 1]?.end !== url[1]) out.push({ low: text.slice(url[0], url[1]).toLowerCase(), start: url[0], end: url[1], word: true });
      continue;
    }
    out.push(t);
  }
  return out;
}

/**
 * The forms a token may be a form of (its own text first): "uses" -> use, "trained" -> train,
 * "serving" -> serve, "shipping" -> ship, "licensees" -> licensee, "is" -> be. A lexicon word matches a
 * token when it is one of these; lexicon words are lemmas, so over-generation here is harmless.
 */
export function lemmas(low: string): string[] {
  if (wordSet('be-forms').has(low)) return [low, 'be'];
  const out = [low];
  const n = low.length;
  const undouble = (s: string) => (s.length > 2 && s[s.length - 1] === s[s.length - 2] ? s.slice(0, -1) : null);
  if (n > 3 && low.endsWith('ies')) out.push(low.slice(0, -3) + 'y');
  if (n > 3 && low.endsWith('es')) out.push(low.slice(0, -2));
  if (n > 2 && low.endsWith('s') && !low.endsWith('ss')) out.push(low.slice(0, -1));
  if (n > 4 && low.endsWith('ing')) {
    const b = low.slice(0, -3);
    out.push(b, b + 'e');
    const u = undouble(b);
    if (u) out.push(u);
  }
  if (n > 3 && low.endsWith('ed')) {
    const b = low.slice(0, -2);
    out.push(b, b + 'e');
    const u = undouble(b);
    if (u) out.push(u);
    if (low.endsWith('ied')) out.push(low.slice(0, -3) + 'y');
  }
  return out;
}
