/**
 * Inline markdown -> plain text for one source line, linear time. Removes
 * emphasis delimiters, link targets, images, inline HTML tags and escapes;
 * keeps link text, code span content and autolink URLs; decodes common
 * entities. Each emitted piece carries its source column so positions stay
 * exact after removed markup.
 */

export type Emit = (text: string, column: number) => void;

const PLAIN_RUN = /[^\\`!\[\]<*_&]+/y;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const AUTOLINK = /<((?:https?|mailto|ftp):[^<>\s]*)>/y;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/y;
const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;
const BR = /^<br\b/i;
const MAX_LABEL = 2000;
/** Bounds that keep every scan from one position short (linear time on unclosed brackets, parens, titles, code spans). */
const MAX_PAREN_DEPTH = 32;
const MAX_DEST = 4000;
const MAX_TITLE = 2000;
const MAX_CODE_SPAN = 8000;

/**
 * Memo of the last indexOf per needle on the current text: scans move forward,
 * so a search from `from` reuses an earlier answer that lies at or after it
 * (or an earlier "not found"), which keeps repeated searches for a closer
 * that never comes linear instead of quadratic.
 */
let memoText: string | null = null;
const memo = new Map<string, { from: number; at: number }>();

function nextIndex(s: string, needle: string, from: number): number {
  if (memoText !== s) { memoText = s; memo.clear(); }
  const m = memo.get(needle);
  if (m && from >= m.from && (m.at === -1 || m.at >= from)) return m.at;
  const at = s.indexOf(needle, from);
  if (memo.size > 64) memo.clear();
  memo.set(needle, { from, at });
  return at;
}

/** Next `needle` in [from, limit), or -1. */
function indexWithin(s: string, needle: string, from: number, limit: number): number {
  const end = nextIndex(s, needle, from);
  return end === -1 || end + needle.length > limit ? -1 : end;
}
const REF_LABEL = /\[[^\[\]]{0,999}\]/y;

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', trade: '™',
  mdash: '—', ndash: '–', hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', middot: '·', sect: '§', euro: '€',
};

function isPunct(ch: string | undefined): boolean {
  return ch !== undefined && ASCII_PUNCT.test(ch);
}

/**
 * End index (exclusive) of an inline link destination `(url "title")` starting
 * at `i` (which must be '('), or -1. Hand-written scanner: linear, no regex.
 */
export function linkDestEnd(s: string, i: number, to: number): number {
  if (s[i] !== '(') return -1;
  let k = i + 1;
  const skipWs = () => { while (k < to && (s[k] === ' ' || s[k] === '\t')) k++; };
  skipWs();
  if (s[k] === '<') {
    k++;
    while (k < to && s[k] !== '>' && s[k] !== '<' && s[k] !== '\n') k++;
    if (s[k] !== '>') return -1;
    k++;
  } else {
    let depth = 0;
    const stop = Math.min(to, k + MAX_DEST);
    while (k < stop) {
      const c = s[k]!;
      if (c === '\\' && k + 1 < stop) { k += 2; continue; }
      if (c === ' ' || c === '\t' || c === '\n') break;
      if (c === '(' && ++depth > MAX_PAREN_DEPTH) return -1;
      else if (c === ')') { if (depth === 0) break; depth--; }
      k++;
    }
    if (depth !== 0 || k >= stop && stop < to) return -1;
  }
  skipWs();
  const q = s[k];
  if (q === '"' || q === "'" || (q === '(' )) {
    const close = q === '(' ? ')' : q;
    const end = indexWithin(s, close, k + 1, Math.min(to, k + 1 + MAX_TITLE));
    if (end === -1) return -1;
    k = end + 1;
    skipWs();
  }
  return s[k] === ')' && k < to ? k + 1 : -1;
}

/**
 * Matching `]` of every `[` in s[from, to) (escapes honoured, code spans
 * skipped), found with one stack pass: the same answer as scanning forward
 * from each `[` with a depth counter, in linear time for the whole range.
 */
function bracketMatches(s: string, from: number, to: number): Map<number, number> {
  const out = new Map<number, number>();
  const stack: number[] = [];
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 92) { i++; continue; } // backslash
    if (c === 96) { // code span: skip to its end
      let k = i; while (k < to && s.charCodeAt(k) === 96) k++;
      const run = s.slice(i, k);
      const end = indexWithin(s, run, k, Math.min(to, k + MAX_CODE_SPAN));
      i = end !== -1 ? end + run.length - 1 : k - 1;
      continue;
    }
    if (c === 91) stack.push(i);
    else if (c === 93 && stack.length) out.set(stack.pop()!, i);
  }
  return out;
}

let matchKey: { s: string; from: number; to: number } | null = null;
let matches = new Map<number, number>();

/** Index of the `]` closing the `[` at `open` within [from, to), or -1 (link text longer than MAX_LABEL: -1). */
function closeBracket(s: string, open: number, from: number, to: number): number {
  if (!matchKey || matchKey.s !== s || open < matchKey.from || to > matchKey.to) {
    matchKey = { s, from, to };
    matches = bracketMatches(s, from, to);
  }
  const close = matches.get(open);
  return close === undefined || close - open > MAX_LABEL ? -1 : close;
}

const DELIM_RUN = /\*+|_+/g;

function isWs(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\u00a0';
}

/**
 * Emphasis delimiter runs of `s[from, to)` that CommonMark would consume:
 * flanking rules decide which runs can open / close, then closers are paired
 * with the nearest opener of the same character. Unpaired runs stay literal
 * (`Li*,` or `2*3` keep their asterisk, `snake_case` its underscore).
 */
export function emphasisDelimiters(s: string, from: number, to: number): Set<number> {
  const out = new Set<number>();
  interface Run { i: number; len: number; both: boolean }
  const stacks: Record<string, Run[]> = { '*': [], _: [] };
  DELIM_RUN.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = DELIM_RUN.exec(s)) !== null && m.index < to) {
    const i = m.index;
    let bs = 0;
    while (i - bs - 1 >= from && s[i - bs - 1] === '\\') bs++;
    if (bs % 2 === 1) continue; // escaped
    const end = Math.min(i + m[0].length, to);
    const len = end - i;
    const ch = m[0][0]!;
    const before = i > from ? s[i - 1] : undefined;
    const after = end < to ? s[end] : undefined;
    const left = !isWs(after) && (!isPunct(after) || isWs(before) || isPunct(before));
    const right = !isWs(before) && (!isPunct(before) || isWs(after) || isPunct(after));
    const canOpen = ch === '*' ? left : left && (!right || isPunct(before));
    const canClose = ch === '*' ? right : right && (!left || isPunct(after));
    const stack = stacks[ch]!;
    let matched = false;
    if (canClose) {
      // nearest opener, skipping pairs the "rule of 3" forbids
      for (let k = stack.length - 1; k >= 0; k--) {
        const o = stack[k]!;
        const both = o.both || (canOpen && canClose);
        if (both && (o.len + len) % 3 === 0 && !(o.len % 3 === 0 && len % 3 === 0)) continue;
        out.add(o.i);
        out.add(i);
        stack.length = k;
        matched = true;
        break;
      }
    }
    if (!matched && canOpen) stack.push({ i, len, both: canOpen && canClose });
  }
  return out;
}

/**
 * Converts `s[from, to)` (inline content of one line, starting at source
 * column `col0` for index 0 of `s`) and emits plain pieces.
 */
export function inlineToPlain(s: string, from: number, to: number, col0: number, emit: Emit, delims?: Set<number>): void {
  const dl = delims ?? emphasisDelimiters(s, from, to);
  let i = from;
  while (i < to) {
    PLAIN_RUN.lastIndex = i;
    if (PLAIN_RUN.test(s)) {
      const end = Math.min(PLAIN_RUN.lastIndex, to);
      emit(s.slice(i, end), col0 + i);
      i = end;
      continue;
    }
    const c = s[i]!;
    switch (c) {
      case '\\': {
        const n = s[i + 1];
        if (i + 1 < to && n !== undefined && ASCII_PUNCT.test(n)) { emit(n, col0 + i + 1); i += 2; }
        else if (i + 1 >= to || n === '\n') { i += 1; } // hard line break marker
        else { emit(c, col0 + i); i += 1; }
        break;
      }
      case '`': {
        let k = i; while (k < to && s[k] === '`') k++;
        const run = s.slice(i, k);
        const end = indexWithin(s, run, k, Math.min(to, k + MAX_CODE_SPAN));
        if (end !== -1 && s[end + run.length] !== '`') {
          let a = k; let b = end;
          if (b - a >= 2 && s[a] === ' ' && s[b - 1] === ' ') { a++; b--; }
          if (b > a) emit(s.slice(a, b), col0 + a);
          i = end + run.length;
        } else { emit(run, col0 + i); i = k; }
        break;
      }
      case '!':
        if (s[i + 1] === '[') {
          const close = closeBracket(s, i + 1, from, to);
          if (close !== -1 && close < to) {
            const dest = linkDestEnd(s, close + 1, to);
            if (dest !== -1) { i = dest; break; }
            REF_LABEL.lastIndex = close + 1;
            if (REF_LABEL.test(s) && REF_LABEL.lastIndex <= to) { i = REF_LABEL.lastIndex; break; }
          }
        }
        emit(c, col0 + i); i += 1;
        break;
      case '[': {
        const close = closeBracket(s, i, from, to);
        if (close !== -1 && close < to) {
          let next = linkDestEnd(s, close + 1, to);
          if (next === -1) {
            REF_LABEL.lastIndex = close + 1;
            if (REF_LABEL.test(s) && REF_LABEL.lastIndex <= to) next = REF_LABEL.lastIndex;
          }
          if (next !== -1) {
            inlineToPlain(s, i + 1, close, col0, emit, dl);
            i = next;
            break;
          }
        }
        emit(c, col0 + i); i += 1;
        break;
      }
      case '<': {
        AUTOLINK.lastIndex = i;
        const m = AUTOLINK.exec(s);
        if (m && AUTOLINK.lastIndex <= to) { emit(m[1]!, col0 + i + 1); i = AUTOLINK.lastIndex; break; }
        HTML_TAG.lastIndex = i;
        if (HTML_TAG.test(s) && HTML_TAG.lastIndex <= to) {
          if (BR.test(s.slice(i, HTML_TAG.lastIndex))) emit('\n', col0 + i);
          i = HTML_TAG.lastIndex;
          break;
        }
        if (s.startsWith('<!--', i)) {
          const end = s.indexOf('-->', i + 4);
          if (end !== -1 && end + 3 <= to) { i = end + 3; break; }
        }
        emit(c, col0 + i); i += 1;
        break;
      }
      case '*':
      case '_': {
        let k = i; while (k < to && s[k] === c) k++;
        if (!dl.has(i)) emit(s.slice(i, k), col0 + i);
        i = k;
        break;
      }
      case '&': {
        ENTITY.lastIndex = i;
        const m = ENTITY.exec(s);
        if (m && ENTITY.lastIndex <= to) {
          const name = m[1]!;
          let out: string | undefined;
          if (name[0] === '#') {
            const cp = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
            if (cp > 0 && cp <= 0x10ffff) out = String.fromCodePoint(cp);
          } else out = NAMED[name];
          if (out !== undefined) { emit(out, col0 + i); i = ENTITY.lastIndex; break; }
        }
        emit(c, col0 + i); i += 1;
        break;
      }
      default:
        emit(c, col0 + i); i += 1;
    }
  }
}
