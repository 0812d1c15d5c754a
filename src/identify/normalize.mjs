// Text normalization for license matching (SPDX Matching Guidelines, simplified).
// Plain JS so that scripts/gen-fingerprints.mjs (Node 20, no TS loader) and the
// library use the very same code. Types: normalize.d.mts.
//
// Output is a token list: lowercased words with their source line and character
// range. Punctuation, quotes, dashes, bullets, list numbering, markdown markup,
// URL schemes and copyright lines produce no tokens. Leading mirror pointer lines
// ("[For the original copy, see ...]") and the title line are marked as preamble
// tokens and left out of fingerprints.

/** Equivalent spellings (SPDX equivalentwords list, subset): variant -> canonical. */
const EQUIVALENT = new Map([
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
]);

// All regexes below are linear: single character classes, bounded repetition,
// no nested quantifiers over overlapping classes.
const POINTER_LINE = /^\[[^\]]{0,400}\]$/;
const POINTER_WORDS = /\b(?:see|original|copy|faq)\b/i;
const COPYRIGHT_LINE = /^(?:copyright|©|\(c\))[\s:]*(?:\(c\)|©)?\s*(?:[[<{]|\(c\)|©|\d{4})/i;
/** Parenthesized enumerators anywhere in a line: (a) (ii) (3). */
const PAREN_ENUM = /\((?:[a-z]{1,2}|[ivxl]{1,6}|\d{1,3})\)/gi;
const LIST_MARKER = /^(?:[-*+•·◦▪‣>#–—]+|\(?\d{1,3}(?:\.\d{1,3}){0,3}[.)]|\(?\d{1,3}\)|\(?[a-z][.)]|\([a-z]{1,2}\)|\(?[ivxl]{1,6}[.)]|\([ivxl]{1,6}\))(?=\s)/i;
const URL_SCHEME = /\b(?:https?|ftp):\/\//gi;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const TOKEN = /[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+|,\p{N}{3})*/gu;
/** Same tokens for pure-ASCII lines (much faster than Unicode property classes). */
const ASCII_TOKEN = /[a-z0-9]+(?:\.[a-z0-9]+|,[0-9]{3})*/g;
const NON_ASCII = /[^\x00-\x7f]/;
const TITLE_MAX_TOKENS = 12;

/**
 * @param {string} text
 * @returns {{ words: string[], lines: number[], starts: number[], ends: number[], bodyStart: number }}
 */
export function tokenize(text) {
  const words = [];
  const lines = [];
  const starts = [];
  const ends = [];
  const srcLines = text.split(/\r\n|\r|\n/);
  let offset = 0;
  let lineNo;
  let leading = true; // still before the first content line
  let titlePending = true;
  let bodyStart = 0;
  const lineOffsets = [];
  for (const l of srcLines) { lineOffsets.push(offset); offset += l.length + 1; }
  // account for CRLF: recompute offsets against the real text
  if (text.includes('\r')) {
    let pos = 0;
    for (let i = 0; i < srcLines.length; i++) {
      lineOffsets[i] = pos;
      pos += srcLines[i].length;
      if (text[pos] === '\r' && text[pos + 1] === '\n') pos += 2; else pos += 1;
    }
  }
  for (let i = 0; i < srcLines.length; i++) {
    lineNo = i + 1;
    const raw = srcLines[i];
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    if (leading && trimmed.startsWith('[')) {
      const span = pointerSpan(srcLines, i);
      if (span > 0) { i += span - 1; continue; }
    }
    if (isCopyrightLine(trimmed)) continue;
    leading = false;
    const before = words.length;
    lineToTokens(raw, lineOffsets[i], words, starts, ends);
    const added = words.length - before;
    if (added === 0) continue;
    for (let j = 0; j < added; j++) lines.push(lineNo);
    if (titlePending) {
      titlePending = false;
      if (added <= TITLE_MAX_TOKENS && nextIsBreak(srcLines, i) && !/[.;,]$/.test(trimmed)) {
        bodyStart = words.length;
      }
    }
  }
  return { words, lines, starts, ends, bodyStart };
}

/**
 * Number of lines (1..4) forming a bracketed mirror pointer such as
 * "[For the original copy, see URL]" starting at line i, possibly hard-wrapped; 0 if none.
 */
function pointerSpan(srcLines, i) {
  let joined = '';
  for (let j = i; j < srcLines.length && j < i + 4; j++) {
    joined += (joined ? ' ' : '') + srcLines[j].trim();
    if (joined.endsWith(']')) {
      return POINTER_LINE.test(joined) && POINTER_WORDS.test(joined) ? j - i + 1 : 0;
    }
  }
  return 0;
}

/** Copyright notice line (markdown markers before it allowed). */
function isCopyrightLine(trimmed) {
  const c = trimmed.charCodeAt(0);
  // fast reject: must start with c/C/©/( or a markdown marker
  if (c !== 99 && c !== 67 && c !== 169 && c !== 40 && c !== 35 && c !== 42 && c !== 62 && c !== 45) return false;
  return COPYRIGHT_LINE.test(trimmed.replace(/^[#*>\s-]+/, ''));
}

/** True when the line after `i` is blank, a copyright line, or the end of text. */
function nextIsBreak(srcLines, i) {
  for (let j = i + 1; j < srcLines.length; j++) {
    const t = srcLines[j].trim();
    if (t === '') return true;
    return isCopyrightLine(t);
  }
  return true;
}

/** Appends the tokens of one line. @param {string} raw @param {number} base */
function lineToTokens(raw, base, words, starts, ends) {
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
  // same-length transforms keep offsets valid
  const s = rest.replace(URL_SCHEME, (u) => ' '.repeat(u.length)).replace(PAREN_ENUM, (u) => ' '.repeat(u.length));
  const ascii = !NON_ASCII.test(s);
  if (!ascii && CJK.test(s)) {
    for (const t of cjkTokens(s, base + start)) { words.push(t.word); starts.push(t.start); ends.push(t.end); }
    return;
  }
  const re = ascii ? ASCII_TOKEN : TOKEN;
  const lower = s.toLowerCase();
  // toLowerCase keeps offsets for ASCII; for other scripts fall back to per-token lowering
  const src = ascii ? lower : s;
  re.lastIndex = 0;
  let m;
  while ((m = re.exec(src)) !== null) {
    const w = ascii ? m[0] : m[0].toLowerCase();
    words.push(EQUIVALENT.get(w) ?? w);
    starts.push(base + start + m.index);
    ends.push(base + start + m.index + m[0].length);
  }
}

function cjkTokens(s, base) {
  const out = [];
  const re = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{P}\p{S}]+/gu;
  let m;
  while ((m = re.exec(s)) !== null) {
    TOKEN.lastIndex = 0;
    const inner = TOKEN.exec(m[0]);
    if (!inner) continue;
    out.push({ word: canon(m[0]), start: base + m.index, end: base + m.index + m[0].length });
  }
  return out;
}

/** @param {string} w */
function canon(w) {
  const lower = w.toLowerCase();
  return EQUIVALENT.get(lower) ?? lower;
}

/** Normalized form of a whole text (body only, title and preamble dropped). */
export function normalizeText(text) {
  const t = tokenize(text);
  return t.words.slice(t.bodyStart).join(' ');
}
