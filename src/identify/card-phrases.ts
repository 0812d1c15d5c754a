/**
 * Phrase matching on normalized word tokens, in one pass over a text: the
 * tokenizer (lower case, "licence" = "license", punctuation dropped, "version"
 * / "v" before a number dropped, a trailing ".0" dropped) and an index of
 * phrases keyed by their first token. No regular expression.
 */

export interface Token {
  word: string;
  /** Offset of the token in the text. */
  start: number;
  end: number;
}

/** Letters, digits, non-ASCII letters and `+` (`openrail++` is not `openrail`). */
const isAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127 || c === 43;
const isDigit = (c: number) => c >= 48 && c <= 57;

function normWord(w: string): string {
  if (w === 'licence') return 'license';
  if (w === 'licences') return 'licenses';
  // v3.0 -> 3.0 ; 2.0 -> 2 ; 1.0.0 -> 1
  let x = w.length > 1 && w[0] === 'v' && isDigit(w.charCodeAt(1)) ? w.slice(1) : w;
  if (isDigit(x.charCodeAt(0))) while (x.endsWith('.0')) x = x.slice(0, -2);
  return x;
}

/** Word tokens of `text` (letters and digits; `.` inside a number such as 3.1 kept). */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  let lower = text.toLowerCase();
  // a few characters change length when lower-cased (U+0130): keep offsets aligned with the text
  if (lower.length !== text.length) lower = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const raw: Token[] = [];
  let i = from;
  while (i < to) {
    while (i < to && !isAlnum(lower.charCodeAt(i))) i++;
    if (i >= to) break;
    const start = i;
    while (i < to && (isAlnum(lower.charCodeAt(i)) || (lower[i] === '.' && isDigit(lower.charCodeAt(i - 1)) && isDigit(lower.charCodeAt(i + 1))))) i++;
    let w = lower.slice(start, i);
    for (let k = 0; k < w.length; k++) if (w.charCodeAt(k) > 127) { w = w.normalize('NFKC'); break; }
    raw.push({ word: normWord(w), start, end: i });
  }
  // "version 2" / "v 2" -> "2"
  return raw.filter((t, k) => !((t.word === 'version' || t.word === 'v') && isDigit((raw[k + 1]?.word ?? '').charCodeAt(0))));
}

/** The normalized words of a phrase. */
export const phraseWords = (phrase: string): string[] => tokenize(phrase).map((t) => t.word);

export interface PhraseIndex<T> {
  byFirst: Map<string, Array<{ words: string[]; values: T[] }>>;
}

export function newPhraseIndex<T>(): PhraseIndex<T> {
  return { byFirst: new Map() };
}

/** Adds a phrase (its normalized words) with a value; the same words twice collect both values. */
export function addPhrase<T>(index: PhraseIndex<T>, words: string[], value: T): void {
  if (words.length === 0) return;
  const list = index.byFirst.get(words[0]!) ?? [];
  const key = words.join(' ');
  const same = list.find((p) => p.words.join(' ') === key);
  if (same) { if (!same.values.includes(value)) same.values.push(value); }
  else list.push({ words, values: [value] });
  index.byFirst.set(words[0]!, list);
}

export interface PhraseHit<T> {
  values: T[];
  /** Offsets of the matched text. */
  start: number;
  end: number;
  /** Index of the token after the match. */
  next: number;
}

/**
 * Every longest phrase occurrence in the tokens, left to right, not
 * overlapping, the first `max` of them. Cost: tokens x phrases sharing a first
 * word x phrase length.
 */
export function findPhrases<T>(index: PhraseIndex<T>, tokens: Token[], max = Infinity): PhraseHit<T>[] {
  const out: PhraseHit<T>[] = [];
  for (let i = 0; i < tokens.length && out.length < max;) {
    const cands = index.byFirst.get(tokens[i]!.word);
    let best: { words: string[]; values: T[] } | null = null;
    if (cands) {
      for (const c of cands) {
        if (best && c.words.length <= best.words.length) continue;
        let ok = i + c.words.length <= tokens.length;
        for (let k = 1; ok && k < c.words.length; k++) ok = tokens[i + k]!.word === c.words[k];
        if (ok) best = c;
      }
    }
    if (best) {
      const last = tokens[i + best.words.length - 1]!;
      out.push({ values: best.values, start: tokens[i]!.start, end: last.end, next: i + best.words.length });
      i += best.words.length;
    } else {
      i++;
    }
  }
  return out;
}
