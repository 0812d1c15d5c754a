/**
 * Text folding before anything reads a license (identification and rules
 * alike): Unicode NFKC, format characters removed (zero-width spaces and
 * joiners, soft hyphens, bidi controls, BOMs inside text), hyphen and space
 * variants folded to "-" and " ", and confusable letters inside mixed-script
 * words mapped to their Latin skeleton (Unicode TR39 data via the `confusables`
 * package). Line breaks are never added or removed, so line numbers stay right;
 * evidence keeps quoting the input, never the folded text.
 *
 * What was folded away is counted: hidden format characters and mixed-script
 * words in a license are a red flag of their own (HIDDEN_CHARACTERS).
 */
import { remove as confusableSkeleton } from 'confusables';
import { foldNumbers } from './numbers.js';

export interface FoldReport {
  /** Format characters (Unicode Cf) removed. */
  format: number;
  /** Words whose letters mix Latin with look-alike letters of another script. */
  mixedScript: number;
  /** Up to 5 examples, each as the first line and a description (escaped, never raw). */
  examples: Array<{ line: number; what: string }>;
}

export interface Folded {
  text: string;
  report: FoldReport;
}

const NON_ASCII = /[^\x00-\x7f]/;
const FORMAT = /\p{Cf}/gu;
/** Hyphen look-alikes (not en/em dashes, which are punctuation). */
const HYPHENS = /[\u2010\u2011\u2012\u2043\u2212\ufe63\uff0d]/g;
/** Space separators other than the plain space (no-break, thin, ideographic, ...). */
const SPACES = /(?! )\p{Zs}/gu;
/** Right-to-left override (U+202E) up to a pop (U+202C) or the end of the line: shown reversed. */
const RLO = '\u202e';
const PDF = '\u202c';
const LETTER_RUN = /[\p{L}\p{M}]+/gu;
const LATIN = /\p{Script=Latin}/u;
const LOOKALIKE_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Cherokee}]/u;
const ASCII_WORD = /^[A-Za-z]+$/;
/** Superscript digits right after a digit: an exponent ("10²⁵"), which NFKC would merge into one number ("1025"). */
const SUPERSCRIPT_EXPONENT = /(?<=\d)[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}/g;
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Every regex of this module, for the ReDoS proof (test/analyze/fold-redos.test.ts). */
export const FOLD_PATTERNS: readonly RegExp[] = [NON_ASCII, FORMAT, HYPHENS, SPACES, LETTER_RUN, LATIN, LOOKALIKE_SCRIPT, ASCII_WORD, SUPERSCRIPT_EXPONENT];

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

function lineAt(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Maps look-alike letters inside words that mix Latin with another script. */
function foldConfusables(text: string, report: FoldReport, original: string): string {
  if (!LOOKALIKE_SCRIPT.test(text)) return text;
  return text.replace(LETTER_RUN, (word: string, offset: number) => {
    if (!LOOKALIKE_SCRIPT.test(word)) return word;
    const skeleton = confusableSkeleton(word);
    const mapped = skeleton !== word && ASCII_WORD.test(skeleton);
    if (!LATIN.test(word)) return word; // a word of another script, not a disguised Latin one
    report.mixedScript++;
    if (report.examples.length < 5) {
      const odd = [...word].filter((c) => LOOKALIKE_SCRIPT.test(c)).map(codePoint).join(' ');
      report.examples.push({ line: lineAt(original, offset), what: `word read as '${skeleton}' contains look-alike letters ${odd}` });
    }
    return mapped ? skeleton : word;
  });
}

/** Reverses each overridden run, so the text reads as it is displayed (the controls stay, to be counted). */
function unOverride(t: string): string {
  let out = '';
  let i = 0;
  for (let at = t.indexOf(RLO); at !== -1; at = t.indexOf(RLO, i)) {
    out += t.slice(i, at + 1);
    let end = at + 1;
    while (end < t.length && t[end] !== PDF && t[end] !== '\n') end++;
    out += [...t.slice(at + 1, end)].reverse().join('');
    i = end;
  }
  return out + t.slice(i);
}

/**
 * Folds characters only (for identification: numbers stay as written so the
 * text still aligns with its template).
 */
export function foldCharacters(text: string): Folded {
  const report: FoldReport = { format: 0, mixedScript: 0, examples: [] };
  if (!NON_ASCII.test(text)) return { text, report };
  let t = text.normalize('NFKC');
  if (t.includes(RLO)) t = unOverride(t);
  t = t.replace(FORMAT, (c: string, offset: number) => {
    report.format++;
    if (report.examples.length < 5) report.examples.push({ line: lineAt(t, offset), what: `hidden format character ${codePoint(c)}` });
    return '';
  });
  t = t.replace(HYPHENS, '-').replace(SPACES, ' ');
  t = foldConfusables(t, report, t);
  return { text: t, report };
}

/** Folds characters and numbers: the text as the rules read it. */
export function foldForReading(text: string): Folded {
  // "10²⁵" is read as "10^25"
  const sup = NON_ASCII.test(text) ? text.replace(SUPERSCRIPT_EXPONENT, (d: string) => `^${[...d].map((c) => SUPERSCRIPT_DIGITS.indexOf(c)).join('')}`) : text;
  const f = foldCharacters(sup);
  return { text: foldNumbers(f.text), report: f.report };
}

/** True when folding found something hidden worth a warning. */
export function hasHidden(r: FoldReport): boolean {
  return r.format > 0 || r.mixedScript > 0;
}
