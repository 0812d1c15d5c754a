// Expands the regex of an SPDX <alt match="..."> into the finite set of texts it
// can stand for, as sequences of literal text and wildcards ({ wild: maxChars }).
// Only the subset SPDX templates use is understood (literals, escapes, groups,
// alternation, ?, * + {m,n} on punctuation, small character classes, ., \s, \S,
// \w, \d). Anything else, or more than MAX_EXPANSIONS texts, returns null and the
// caller falls back to a bounded wildcard. Build-time only (scripts/gen-spdx-templates.mjs).

const MAX_EXPANSIONS = 48;
/** Characters a wildcard may cover when the regex leaves it unbounded. */
export const UNBOUNDED = -1;

/** @typedef {{ text: string } | { wild: number }} Seg */
/** @typedef {Seg[]} Expansion */

/**
 * @param {string} re
 * @returns {Expansion[] | null}
 */
export function expandRegex(re) {
  const p = { s: re, i: 0 };
  try {
    const out = parseAlt(p);
    if (p.i !== re.length) return null;
    return out;
  } catch {
    return null;
  }
}

function fail() {
  throw new Error('unsupported');
}

function cap(list) {
  if (list.length > MAX_EXPANSIONS) fail();
  return list;
}

function parseAlt(p) {
  let out = parseSeq(p);
  while (p.s[p.i] === '|') {
    p.i++;
    out = cap(out.concat(parseSeq(p)));
  }
  return out;
}

function parseSeq(p) {
  let acc = [[]];
  while (p.i < p.s.length && p.s[p.i] !== '|' && p.s[p.i] !== ')') {
    const atom = parseQuantified(p);
    const next = [];
    for (const a of acc) for (const b of atom) next.push(a.concat(b));
    acc = cap(next);
  }
  return acc;
}

/** True when no expansion holds a letter or digit (the atom makes no tokens). */
function wordless(exps) {
  return exps.every((e) => e.every((seg) => 'text' in seg && !/[\p{L}\p{N}]/u.test(seg.text)));
}

function parseQuantified(p) {
  const atom = parseAtom(p);
  const c = p.s[p.i];
  if (c !== '?' && c !== '*' && c !== '+' && c !== '{') return atom;
  let min = 0;
  let max = 1;
  if (c === '?') { p.i++; } else if (c === '*') { p.i++; max = UNBOUNDED; } else if (c === '+') { p.i++; min = 1; max = UNBOUNDED; } else {
    const m = /^\{(\d{1,4})(,(\d{0,4}))?\}/.exec(p.s.slice(p.i));
    if (!m) fail();
    p.i += m[0].length;
    min = Number(m[1]);
    max = m[2] === undefined ? min : m[3] === '' ? UNBOUNDED : Number(m[3]);
  }
  if (p.s[p.i] === '?' || p.s[p.i] === '+') p.i++; // lazy / possessive: same language
  if (max === 1) return min === 0 ? cap([[], ...atom]) : atom;
  // repetition of something that makes no tokens: present or absent is all that matters
  if (wordless(atom)) return cap([[], ...atom]);
  // repetition of a single-character wildcard: a wider wildcard
  if (atom.length === 1 && atom[0].length === 1 && 'wild' in atom[0][0]) {
    return [[{ wild: max === UNBOUNDED ? UNBOUNDED : max }]];
  }
  // a repeated single word character class / literal char: a short wildcard
  if (atom.every((e) => e.length === 1 && 'text' in e[0] && e[0].text.length === 1)) {
    return [[{ wild: max === UNBOUNDED ? UNBOUNDED : max }]];
  }
  return fail();
}

const CLASS_ESC = { s: ' ', t: ' ', n: ' ', r: ' ', f: ' ' };

function parseAtom(p) {
  const c = p.s[p.i];
  if (c === '(') {
    p.i++;
    if (p.s.startsWith('?:', p.i)) p.i += 2;
    const inner = parseAlt(p);
    if (p.s[p.i] !== ')') fail();
    p.i++;
    return inner;
  }
  if (c === '[') return parseClass(p);
  // an unescaped '.' is most often a literal dot in a URL or sentence: both readings
  if (c === '.') { p.i++; return [[{ text: '.' }], [{ wild: 1 }]]; }
  if (c === '^' || c === '$') { p.i++; return [[]]; }
  if (c === '\\') {
    const e = p.s[p.i + 1];
    p.i += 2;
    if (e === undefined) fail();
    if (e in CLASS_ESC) return [[{ text: ' ' }]];
    if (e === 'S' || e === 'w' || e === 'W' || e === 'd' || e === 'D' || e === 'p') {
      if (e === 'p') { const m = /^\{\w{1,20}\}/.exec(p.s.slice(p.i)); if (!m) fail(); p.i += m[0].length; }
      return [[{ wild: 1 }]];
    }
    if (e === 'b' || e === 'B') return [[]];
    return [[{ text: e }]];
  }
  if (c === '*' || c === '+' || c === '?' || c === '{') fail();
  p.i++;
  return [[{ text: c }]];
}

function parseClass(p) {
  p.i++;
  let negated = false;
  if (p.s[p.i] === '^') { negated = true; p.i++; }
  const chars = [];
  let hasRange = false;
  while (p.i < p.s.length && p.s[p.i] !== ']') {
    let ch = p.s[p.i];
    if (ch === '\\') {
      const e = p.s[p.i + 1];
      p.i += 2;
      if (e in CLASS_ESC) { chars.push(' '); continue; }
      if ('SwWdD'.includes(e)) { hasRange = true; continue; }
      ch = e;
    } else {
      p.i++;
    }
    if (p.s[p.i] === '-' && p.s[p.i + 1] !== ']' && p.i + 1 < p.s.length) { hasRange = true; p.i += 2; continue; }
    chars.push(ch);
  }
  if (p.s[p.i] !== ']') fail();
  p.i++;
  if (negated || hasRange || chars.length > 8) return [[{ wild: 1 }]];
  return [...new Set(chars)].map((ch) => [{ text: ch }]);
}
