// Markup blanked in place before tokenizing (same length, so token offsets
// still quote the input): character references that stand for punctuation
// (&lt; &quot; &#8220; ...), markdown link destinations ("[text](url)" keeps
// "text"), emphasis asterisks ("**a)**" then reads as an enumerator) and
// backslash escapes ("1\." numbering becomes "1." and a space).

/** Bounded: a name of 2-8 letters or a decimal / hex code point. */
const CHAR_REF = /&(?:[a-z]{2,8}|#\d{1,7}|#x[0-9a-f]{1,6});/gi;
const PUNCT_NAMES = new Set(['lt', 'gt', 'amp', 'quot', 'apos', 'nbsp', 'ldquo', 'rdquo', 'lsquo', 'rsquo', 'mdash', 'ndash',
  'hellip', 'copy', 'laquo', 'raquo', 'bull', 'middot', 'sect', 'para', 'reg', 'trade', 'shy', 'ensp', 'emsp', 'thinsp']);
/** Longest markdown link destination blanked out. */
const MAX_DESTINATION = 600;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** `text` with markup blanked; same length. */
export function maskMarkup(text: string): string {
  let s = text;
  if (s.includes('&')) s = s.replace(CHAR_REF, (ref) => (isPunctuation(ref) ? ' '.repeat(ref.length) : ref));
  if (s.includes('](') || s.includes('*') || s.includes('\\')) s = markdownMasked(s);
  return s;
}

function isPunctuation(ref: string): boolean {
  const body = ref.slice(1, -1).toLowerCase();
  if (body[0] !== '#') return PUNCT_NAMES.has(body);
  const cp = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  if (!Number.isFinite(cp) || cp > 0x10ffff) return false;
  return !WORD_CHAR.test(String.fromCodePoint(cp));
}

function markdownMasked(s: string): string {
  // one pass, copying untouched stretches as slices
  let out = '';
  let from = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const ch = s.charCodeAt(i);
    if (ch !== 42 && ch !== 92 && ch !== 93) continue; // '*' '\\' ']'
    if (ch === 42) { out += s.slice(from, i) + ' '; from = i + 1; continue; }
    if (ch === 92) {
      if (i + 1 < n && ASCII_PUNCT.test(s[i + 1])) { out += s.slice(from, i) + s[i + 1] + ' '; from = i + 2; i++; }
      continue;
    }
    if (s.charCodeAt(i + 1) !== 40) continue; // ']('
    let j = i + 2;
    while (j < n && j - i < MAX_DESTINATION && s[j] !== ')' && s[j] !== '\n') j++;
    if (s[j] === ')') { out += s.slice(from, i + 1) + ' '.repeat(j - i); from = j + 1; i = j; }
  }
  return from === 0 ? s : out + s.slice(from);
}
