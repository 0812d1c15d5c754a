// Markup blanked in place before tokenizing (same length, so token offsets
// still quote the input): character references that stand for punctuation
// (&lt; &quot; &#8220; ...), markdown link destinations ("[text](url)" keeps
// "text"), emphasis asterisks ("**a)**" then reads as an enumerator) and
// backslash escapes ("1\." numbering becomes "1." and a space). Plain JS,
// shared with the fingerprint generator. Types: mask.d.mts.

/** Bounded: a name of 2-8 letters or a decimal / hex code point. */
const CHAR_REF = /&(?:[a-z]{2,8}|#\d{1,7}|#x[0-9a-f]{1,6});/gi;
const PUNCT_NAMES = new Set(['lt', 'gt', 'amp', 'quot', 'apos', 'nbsp', 'ldquo', 'rdquo', 'lsquo', 'rsquo', 'mdash', 'ndash',
  'hellip', 'copy', 'laquo', 'raquo', 'bull', 'middot', 'sect', 'para', 'reg', 'trade', 'shy', 'ensp', 'emsp', 'thinsp']);
/** Longest markdown link destination blanked out. */
const MAX_DESTINATION = 600;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** @param {string} text @returns {string} same length */
export function maskMarkup(text) {
  let s = text;
  if (s.includes('&')) s = s.replace(CHAR_REF, (ref) => (isPunctuation(ref) ? ' '.repeat(ref.length) : ref));
  if (s.includes('](') || s.includes('*') || s.includes('\\')) s = markdownMasked(s);
  return s;
}

function isPunctuation(ref) {
  const body = ref.slice(1, -1).toLowerCase();
  if (body[0] !== '#') return PUNCT_NAMES.has(body);
  const cp = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  if (!Number.isFinite(cp) || cp > 0x10ffff) return false;
  return !WORD_CHAR.test(String.fromCodePoint(cp));
}

function markdownMasked(s) {
  const c = s.split('');
  for (let i = 0; i < c.length; i++) {
    const ch = c[i];
    if (ch === '*') { c[i] = ' '; continue; }
    if (ch === '\\' && i + 1 < c.length && ASCII_PUNCT.test(c[i + 1])) { c[i] = c[i + 1]; c[i + 1] = ' '; i++; continue; }
    if (ch === ']' && c[i + 1] === '(') {
      let j = i + 2;
      while (j < c.length && j - i < MAX_DESTINATION && c[j] !== ')' && c[j] !== '\n') j++;
      if (c[j] === ')') { for (let k = i + 1; k <= j; k++) c[k] = ' '; i = j; }
    }
  }
  return c.join('');
}
