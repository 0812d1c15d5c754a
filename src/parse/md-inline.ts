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
    while (k < to) {
      const c = s[k]!;
      if (c === '\\' && k + 1 < to) { k += 2; continue; }
      if (c === ' ' || c === '\t' || c === '\n') break;
      if (c === '(') depth++;
      else if (c === ')') { if (depth === 0) break; depth--; }
      k++;
    }
    if (depth !== 0) return -1;
  }
  skipWs();
  const q = s[k];
  if (q === '"' || q === "'" || (q === '(' )) {
    const close = q === '(' ? ')' : q;
    const end = s.indexOf(close, k + 1);
    if (end === -1 || end >= to) return -1;
    k = end + 1;
    skipWs();
  }
  return s[k] === ')' && k < to ? k + 1 : -1;
}

/** Index of the `]` closing the `[` at `open`, honouring nesting and escapes, or -1. */
function closeBracket(s: string, open: number): number {
  let depth = 0;
  const stop = Math.min(s.length, open + MAX_LABEL);
  for (let i = open; i < stop; i++) {
    const c = s.charCodeAt(i);
    if (c === 92) { i++; continue; } // backslash
    if (c === 96) { // code span: skip to its end
      let k = i; while (s.charCodeAt(k) === 96) k++;
      const run = s.slice(i, k);
      const end = s.indexOf(run, k);
      if (end !== -1) { i = end + run.length - 1; continue; }
      i = k - 1; continue;
    }
    if (c === 91) depth++;
    else if (c === 93 && --depth === 0) return i;
  }
  return -1;
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
        const end = s.indexOf(run, k);
        if (end !== -1 && end < to && s[end + run.length] !== '`') {
          let a = k; let b = end;
          if (b - a >= 2 && s[a] === ' ' && s[b - 1] === ' ') { a++; b--; }
          if (b > a) emit(s.slice(a, b), col0 + a);
          i = end + run.length;
        } else { emit(run, col0 + i); i = k; }
        break;
      }
      case '!':
        if (s[i + 1] === '[') {
          const close = closeBracket(s, i + 1);
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
        const close = closeBracket(s, i);
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
