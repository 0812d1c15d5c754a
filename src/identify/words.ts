// Tokens of one line of license text, for matching (see normalize.ts):
// lowercased words, equivalent spellings unified, with their character range.
// Leading list markers, URL schemes and parenthesized enumerators make no
// tokens. Shared with the catalog generators (scripts/gen-spdx-templates.mjs).

/** Equivalent spellings (SPDX equivalentwords list, subset): variant -> canonical. */
const EQUIVALENT = new Map<string, string>([
  ['licence', 'license'], ['licences', 'licenses'], ['licenced', 'licensed'], ['licencing', 'licensing'],
  ['licencee', 'licensee'], ['licencees', 'licensees'], ['licencor', 'licensor'], ['licensor', 'licensor'],
  ['sub-license', 'sublicense'], ['acknowledgement', 'acknowledgment'], ['analogue', 'analog'],
  ['analyse', 'analyze'], ['artefact', 'artifact'], ['authorisation', 'authorization'],
  ['authorised', 'authorized'], ['calibre', 'caliber'], ['cancelled', 'canceled'], ['catalogue', 'catalog'],
  ['categorise', 'categorize'], ['centre', 'center'], ['emphasised', 'emphasized'], ['favour', 'favor'],
  ['favourite', 'favorite'], ['fulfil', 'fulfill'], ['fulfilment', 'fulfillment'], ['initialise', 'initialize'],
  ['judgement', 'judgment'], ['labelling', 'labeling'], ['labour', 'labor'], ['maximise', 'maximize'],
  ['modelled', 'modeled'], ['modelling', 'modeling'], ['offence', 'offense'], ['optimise', 'optimize'],
  ['organisation', 'organization'], ['organisations', 'organizations'], ['organise', 'organize'],
  ['practise', 'practice'], ['programme', 'program'], ['realise', 'realize'], ['recognise', 'recognize'],
  ['signalling', 'signaling'], ['utilisation', 'utilization'], ['whilst', 'while'], ['wilful', 'willful'],
  ['behaviour', 'behavior'], ['colour', 'color'], ['defence', 'defense'], ['honour', 'honor'],
  ['capitalisations', 'capitalizations'], ['merchantibility', 'merchantability'], ['wilfull', 'willful'],
]);

/**
 * Equivalent phrases of the SPDX list that span two words: [first, second, replacement words].
 * "copyright owner" reads as "copyright holder"; "per cent", "sub license" and
 * "non commercial" (the tokenizer splits "non-commercial") read as one word.
 */
const PHRASES: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['copyright', 'owner', ['copyright', 'holder']], ['copyright', 'owners', ['copyright', 'holders']],
  ['per', 'cent', ['percent']], ['sub', 'license', ['sublicense']], ['sub', 'licenses', ['sublicenses']],
  ['non', 'commercial', ['noncommercial']],
];

const PHRASE_FIRST = new Set(PHRASES.map((p) => p[0]));

/**
 * Unify the equivalent two-word phrases in place (token arrays as built by
 * lineToTokens; `lines` may be null). A merged word spans both source words.
 * Returns the new length; when it is shorter, `remap` maps old positions to new ones.
 */
export function unifyPhrases(words: string[], starts: number[], ends: number[], lines: number[] | null, remap?: number[]): number {
  // most texts hold none: leave the arrays alone (and `remap` unfilled: positions do not move)
  let any = false;
  for (let i = 0; i + 1 < words.length && !any; i++) {
    if (PHRASE_FIRST.has(words[i]) && PHRASES.some((x) => x[0] === words[i] && x[1] === words[i + 1])) any = true;
  }
  if (!any) return words.length;
  let n = 0;
  for (let i = 0; i < words.length; i++) {
    const p = i + 1 < words.length && PHRASE_FIRST.has(words[i]) ? PHRASES.find((x) => x[0] === words[i] && x[1] === words[i + 1]) : undefined;
    if (remap) remap[i] = n;
    if (p && p[2].length === 1) {
      words[n] = p[2][0]; starts[n] = starts[i]; ends[n] = ends[i + 1]; if (lines) lines[n] = lines[i];
      if (remap) remap[i + 1] = n;
      n++; i++;
      continue;
    }
    words[n] = p ? p[2][0] : words[i]; starts[n] = starts[i]; ends[n] = ends[i]; if (lines) lines[n] = lines[i];
    n++;
    if (p) {
      if (remap) remap[i + 1] = n;
      words[n] = p[2][1]; starts[n] = starts[i + 1]; ends[n] = ends[i + 1]; if (lines) lines[n] = lines[i + 1];
      n++; i++;
    }
  }
  if (remap) remap[words.length] = n;
  words.length = n; starts.length = n; ends.length = n; if (lines) lines.length = n;
  return n;
}


// All regexes below are linear: single character classes, bounded repetition,
// no nested quantifiers over overlapping classes.
/** Parenthesized enumerators anywhere in a line: (a) (ii) (3). */
const PAREN_ENUM = /\((?:[a-z]{1,2}|[ivxl]{1,6}|\d{1,3})\)/gi;
const LIST_MARKER = /^(?:[-*+•·◦▪‣>#–—]+|\(?\d{1,3}(?:\.\d{1,3}){0,3}[.)]|\(?\d{1,3}\)|\(?[a-z][.)]|\([a-z]{1,2}\)|\(?[ivxl]{1,6}[.)]|\([ivxl]{1,6}\))(?=\s|$)/i;
const URL_SCHEME = /\b(?:https?|ftp):\/\//gi;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const TOKEN = /[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+|,\p{N}{3})*/gu;
// Pure-ASCII lines are scanned by asciiTokens: the same tokens as
// /[a-z0-9]+(?:\.[a-z0-9]+|,[0-9]{3})*/g on the lowercased line.
const NON_ASCII = /[^\x00-\x7f]/;

/** Appends the tokens of one line (`base`: offset of the line in the text). */
export function lineToTokens(raw: string, base: number, words: string[], starts: number[], ends: number[]): void {
  // strip leading list markers (possibly several: "- 1." or "(a) (i)")
  let start = 0;
  let rest = raw;
  for (let n = 0; n < 3; n++) {
    const lead = rest.length - rest.trimStart().length;
    const m = LIST_MARKER.exec(rest.slice(lead));
    if (!m) break;
    start += lead + m[0].length;
    rest = raw.slice(start);
  }
  // same-length transforms keep offsets valid (the regexes run only when their first character is present)
  let s = rest;
  if (s.includes('://')) s = s.replace(URL_SCHEME, (u) => ' '.repeat(u.length));
  if (s.includes('(')) s = s.replace(PAREN_ENUM, (u) => ' '.repeat(u.length));
  const ascii = !NON_ASCII.test(s);
  if (!ascii && CJK.test(s)) {
    for (const t of cjkTokens(s, base + start)) { words.push(t.word); starts.push(t.start); ends.push(t.end); }
    return;
  }
  if (ascii) {
    asciiTokens(s.toLowerCase(), base + start, words, starts, ends);
    return;
  }
  // toLowerCase may change lengths outside ASCII: lower each token, keep offsets of the original
  const re = TOKEN;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const w = m[0].toLowerCase();
    words.push(EQUIVALENT.get(w) ?? w);
    starts.push(base + start + m.index);
    ends.push(base + start + m.index + m[0].length);
  }
}

const isAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * The tokens of a lowercased ASCII line, scanned by character code
 * (same tokens as the regex: alphanumeric runs joined by '.' + alphanumerics or
 * ',' + exactly three digits), without a match object per token.
 */
function asciiTokens(lower: string, base: number, words: string[], starts: number[], ends: number[]): void {
  const n = lower.length;
  let i = 0;
  while (i < n) {
    if (!isAlnum(lower.charCodeAt(i))) { i++; continue; }
    const from = i;
    while (i < n && isAlnum(lower.charCodeAt(i))) i++;
    for (;;) {
      const c = lower.charCodeAt(i);
      if (c === 46 && i + 1 < n && isAlnum(lower.charCodeAt(i + 1))) {
        i += 2;
        while (i < n && isAlnum(lower.charCodeAt(i))) i++;
      } else if (c === 44 && i + 3 < n && isDigit(lower.charCodeAt(i + 1)) && isDigit(lower.charCodeAt(i + 2)) && isDigit(lower.charCodeAt(i + 3))) {
        i += 4;
      } else break;
    }
    const w = lower.slice(from, i);
    words.push(EQUIVALENT.get(w) ?? w);
    starts.push(base + from);
    ends.push(base + i);
  }
}

interface Token { word: string; start: number; end: number }

function cjkTokens(s: string, base: number): Token[] {
  const out: Token[] = [];
  // a non-CJK run joins dotted parts as the other tokenizers do ("L.L.C", "2.1"): the same words on any line
  const re = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{P}\p{S}]+(?:\.[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{P}\p{S}]+)*/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    TOKEN.lastIndex = 0;
    const inner = TOKEN.exec(m[0]);
    if (!inner) continue;
    out.push({ word: canon(m[0]), start: base + m.index, end: base + m.index + m[0].length });
  }
  return out;
}

function canon(w: string): string {
  const lower = w.toLowerCase();
  return EQUIVALENT.get(lower) ?? lower;
}

