import type { ParsedDocument, Segment, SourceText } from '../types.js';
import { inlineToPlain } from './md-inline.js';
import { SegmentBuilder as Builder } from './segment-builder.js';

/**
 * Fast line-based markdown parser (`markdown: 'fast'`, used by `oml survey`,
 * and the fallback for shapes remark-parse is super-linear on). remark /
 * micromark costs 10-100 ms for a typical model card (measured on the 37 cards
 * of ../shared/corpus/model-cards: analyzeText 15 files/s with remark, 84 with
 * this scanner, in one run on the shared 2-core machine); this scanner covers the
 * block structure licenses and cards use (ATX/setext headings, paragraphs,
 * nested lists, blockquotes, fenced/indented code, HTML blocks, pipe tables,
 * thematic breaks) in linear time and produces the same Segment contract as
 * parseMarkdown: plain inline text, soft breaks as '\n', and lineStarts with an
 * entry per source line plus one wherever removed markup shifts columns.
 */

type Kind = Segment['kind'];
interface Line { line: number; col: number; s: string }

const ATX = /^#{1,6}(?:[ \t]|$)/;
const SETEXT = /^(?:=+|-+)$/;
const HR = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const HTML_START = /^<(?:[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)|\/[A-Za-z]|!--|!\[CDATA\[|\?|![A-Z])/;
const HTML_BLOCK_TAG = /^<\/?(?:address|article|aside|blockquote|body|center|details|dialog|div|dl|fieldset|figure|footer|form|h[1-6]|header|hr|html|iframe|li|main|nav|ol|p|pre|script|section|style|summary|table|tbody|td|th|thead|tr|ul)(?:[\s/>]|$)/i;
const LIST = /^(?:([-*+])|(\d{1,9})[.)])(?:[ \t]+|$)/;
const DEFINITION = /^\[[^\]\n]{1,999}\]:/;
const LONE_TAG = /^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>$/;
const TAG = /<[^<>]*>/g;
const NOT_LF = /[^\n]/g;
const NON_SPACE = /\S/;

/** Opening code fence (``` or ~~~, 3+ long; a backtick fence's info string has no backtick). */
function fenceOpen(content: string): { ch: string; len: number } | null {
  const ch = content[0];
  if (ch !== '`' && ch !== '~') return null;
  let k = 0;
  while (content[k] === ch) k++;
  if (k < 3) return null;
  if (ch === '`' && content.indexOf('`', k) !== -1) return null;
  return { ch, len: k };
}

function indentOf(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) n++;
    else if (c === 9) n += 4 - (n % 4);
    else break;
  }
  return n;
}

function leadingWs(s: string): number {
  let i = 0;
  while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  return i;
}

/** Inline text of block lines, joined with '\n'. */
function inlineBlock(lines: Line[], kind: Kind): Segment | null {
  const b = new Builder();
  const starts: number[] = [];
  const parts: string[] = [];
  let len = 0;
  for (const l of lines) {
    starts.push(len);
    parts.push(l.s);
    len += l.s.length + 1;
  }
  const joined = parts.join('\n');
  let k = 0;
  inlineToPlain(joined, 0, joined.length, 0, (piece, idx) => {
    let p = 0;
    while (p < piece.length) {
      const nl = piece.indexOf('\n', p);
      const end = nl === -1 ? piece.length : nl;
      if (end > p) {
        const at = idx + p;
        if (at < starts[k]!) k = 0;
        while (k + 1 < starts.length && starts[k + 1]! <= at) k++;
        const l = lines[k]!;
        b.push(piece.slice(p, end), l.line, l.col + (at - starts[k]!));
      }
      if (nl === -1) break;
      b.newline();
      p = nl + 1;
    }
  });
  if (kind === 'paragraph' && lines[0]!.s.startsWith('|')) kind = 'table';
  return b.segment(kind);
}

/** HTML with comments and tags replaced by spaces (line breaks kept, so offsets stay aligned). */
export function blankHtml(html: string): string {
  let out = html;
  let i = out.indexOf('<!--');
  if (i !== -1) {
    const parts: string[] = [];
    let last = 0;
    while (i !== -1) {
      const end = out.indexOf('-->', i + 4);
      const stop = end === -1 ? out.length : end + 3;
      parts.push(out.slice(last, i), blank(out.slice(i, stop)));
      last = stop;
      i = end === -1 ? -1 : out.indexOf('<!--', stop);
    }
    parts.push(out.slice(last));
    out = parts.join('');
  }
  return out.replace(TAG, blank);
}
function blank(m: string): string {
  return m.replace(NOT_LF, ' ');
}

function rawBlock(lines: Line[], kind: Kind, blankTags: boolean): Segment | null {
  const b = new Builder();
  const texts = blankTags ? blankHtml(lines.map((l) => l.s).join('\n')).split('\n') : lines.map((l) => l.s);
  lines.forEach((l, k) => {
    b.newline();
    b.push(texts[k]!, l.line, l.col);
  });
  return b.segment(kind);
}

/**
 * Parses markdown from line `bodyStartLine` on (1-based; earlier lines are
 * front matter) keeping the file's line numbers.
 */
export function parseMarkdownFast(src: SourceText, bodyStartLine = 1): ParsedDocument {
  const segments: Segment[] = [];
  const text = src.text;
  let pos = 0;
  for (let l = 1; l < bodyStartLine && pos !== -1; l++) {
    const nl = text.indexOf('\n', pos);
    pos = nl === -1 ? -1 : nl + 1;
  }

  // open block state
  let para: Line[] | null = null;
  let paraKind: Kind = 'paragraph';
  let paraQuote = false;
  let code: Line[] | null = null;       // indented code
  let fence: { ch: string; len: number; indent: number; lines: Line[] } | null = null;
  let html: { lines: Line[]; comment: boolean } | null = null;
  let listIndent = 0;                    // content column (0-based) of the current list item, 0 = none
  let blank = true;

  const push = (s: Segment | null) => { if (s) segments.push(s); };
  const closePara = () => {
    if (para && para.length) push(inlineBlock(para, paraKind));
    para = null;
  };
  const closeCode = () => {
    if (code) {
      while (code.length && !NON_SPACE.test(code[code.length - 1]!.s)) code.pop();
      if (code.length) push(rawBlock(code, 'code', false));
    }
    code = null;
  };

  let lineNo = bodyStartLine - 1;
  while (pos !== -1 && pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const raw = text.slice(pos, nl === -1 ? text.length : nl);
    pos = nl === -1 ? -1 : nl + 1;
    lineNo++;
    if (nl === -1 && raw.length === 0) break;

    if (fence) {
      const ind = leadingWs(raw);
      const t = raw.slice(ind);
      const close = fenceOpen(t.trimEnd());
      if (close && close.ch === fence.ch && close.len >= fence.len && close.len === t.trimEnd().length) {
        push(rawBlock(fence.lines, 'code', false));
        fence = null;
        continue;
      }
      const strip = Math.min(fence.indent, ind);
      fence.lines.push({ line: lineNo, col: strip + 1, s: raw.slice(strip) });
      continue;
    }
    if (html) {
      if (!NON_SPACE.test(raw) && !html.comment) { push(rawBlock(html.lines, 'html', true)); html = null; blank = true; continue; }
      html.lines.push({ line: lineNo, col: 1, s: raw });
      if (html.comment && raw.includes('-->')) { push(rawBlock(html.lines, 'html', true)); html = null; }
      continue;
    }

    // blockquote markers
    let i = 0;
    let quote = false;
    for (;;) {
      let j = i;
      while (j < raw.length && j - i < 3 && raw.charCodeAt(j) === 32) j++;
      if (raw.charCodeAt(j) !== 62) break;
      quote = true;
      i = j + 1;
      if (raw.charCodeAt(i) === 32) i++;
    }
    const rest = raw.slice(i);
    if (!NON_SPACE.test(rest)) {
      closePara();
      if (code) code.push({ line: lineNo, col: 1, s: '' });
      blank = true;
      continue;
    }
    const indent = indentOf(rest);
    const ws = leadingWs(rest);
    const content = rest.slice(ws).trimEnd();
    const col = i + ws + 1;
    const wasBlank = blank;
    blank = false;

    if (code) {
      if (indent >= 4 && !quote) { code.push({ line: lineNo, col: i + 5, s: rest.slice(Math.min(4, ws)) }); continue; }
      closeCode();
    }
    if (para && quote !== paraQuote && quote) closePara();

    const inList = listIndent > 0 && indent >= listIndent;
    const blockIndentOk = indent <= 3 || listIndent > 0;

    if (blockIndentOk) {
      const f = fenceOpen(content);
      if (f) {
        closePara();
        if (!inList) listIndent = 0;
        fence = { ch: f.ch, len: f.len, indent: ws, lines: [] };
        continue;
      }
      if (ATX.test(content)) {
        closePara();
        if (!inList) listIndent = 0;
        let h = content.replace(/^#+/, '');
        let end = h.length;
        while (end > 0 && h.charCodeAt(end - 1) === 35) end--;
        if (end === 0 || h.charCodeAt(end - 1) === 32 || h.charCodeAt(end - 1) === 9) h = h.slice(0, end);
        const lead = content.length - content.replace(/^#+/, '').length;
        push(inlineBlock([{ line: lineNo, col: col + lead, s: h }], 'heading'));
        continue;
      }
      if (para && !wasBlank && SETEXT.test(content)) {
        paraKind = 'heading';
        closePara();
        continue;
      }
      if (HR.test(content)) {
        closePara();
        if (!inList) listIndent = 0;
        continue;
      }
      const blockStart = HTML_BLOCK_TAG.test(content) || content.startsWith('<!') || content.startsWith('<?');
      if (HTML_START.test(content) && (blockStart || (!para && LONE_TAG.test(content)))) {
        closePara();
        if (!inList) listIndent = 0;
        const comment = content.startsWith('<!--');
        html = { lines: [{ line: lineNo, col: 1, s: raw }], comment };
        if (comment && content.indexOf('-->', 4) !== -1) { push(rawBlock(html.lines, 'html', true)); html = null; }
        continue;
      }
    }
    if (indent <= 3 || listIndent > 0) {
      const m = LIST.exec(content);
      if (m) {
        const ordered = m[2] !== undefined;
        const itemText = content.slice(m[0].length);
        const interrupts = !para || paraKind === 'list-item' || wasBlank || (itemText.length > 0 && (!ordered || m[2] === '1'));
        if (interrupts) {
          closePara();
          listIndent = indent + m[0].length;
          para = [];
          paraKind = 'list-item';
          paraQuote = quote;
          if (itemText.length) para.push({ line: lineNo, col: col + m[0].length, s: itemText });
          continue;
        }
      }
    }
    // paragraph text
    if (para && (!wasBlank || para.length === 0)) {
      para.push({ line: lineNo, col, s: content });
      continue;
    }
    closePara();
    if (indent <= 3 && DEFINITION.test(content)) continue; // link reference definition
    if (listIndent > 0 && indent < listIndent && indent <= 3) listIndent = 0;
    if (indent >= 4 && (listIndent === 0 || (wasBlank && indent >= listIndent + 4))) {
      code = [{ line: lineNo, col: i + 5, s: rest.slice(Math.min(4, ws)) }];
      continue;
    }
    para = [{ line: lineNo, col, s: content }];
    paraKind = quote ? 'blockquote' : listIndent > 0 ? 'list-item' : 'paragraph';
    paraQuote = quote;
  }
  closePara();
  closeCode();
  if (fence) push(rawBlock(fence.lines, 'code', false));
  if (html) push(rawBlock(html.lines, 'html', true));
  return { path: src.path, format: 'markdown', text: src.text, segments, warnings: [...src.warnings] };
}
