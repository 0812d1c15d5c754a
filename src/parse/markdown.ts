import { createRequire } from 'node:module';
import { blankHtml, parseMarkdownFast } from './markdown-fast.js';
import { superLinearShape } from './markdown-shape.js';
import { SegmentBuilder as Builder } from './segment-builder.js';
import type { ParsedDocument, Segment, SourceText } from '../types.js';

/**
 * Markdown parse (unified + remark-parse, CommonMark). Every block becomes a
 * Segment whose text is the plain inline text (emphasis markers, escapes and
 * link targets removed; soft line breaks kept as '\n'). `lineStarts` maps
 * offsets of `text` back to the source: an entry at the start of every source
 * line the block spans, plus one wherever removed markup shifts the mapping,
 * so `column + (offset - entry.offset)` of the last entry at or before an
 * offset is the source column. Segment line/column is the first text character.
 */

interface Pos { line: number; column: number; offset?: number }
interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: Pos; end: Pos };
}

type Processor = { parse(text: string): unknown };
let processor: Processor | undefined;
/**
 * unified + remark-parse load on first use: plain text never needs them. The build bundles the
 * literal `require(...)` calls (initialised when first called); outside a bundle (the sources under
 * test) Node's require loads the packages.
 */
function markdownProcessor(): Processor {
  if (processor) return processor;
  const load = typeof require === 'function'
    ? { unified: (require('unified') as typeof import('unified')).unified, remarkParse: (require('remark-parse') as typeof import('remark-parse')).default }
    : (() => {
      const r = createRequire(import.meta.url);
      return { unified: (r('unified') as typeof import('unified')).unified, remarkParse: (r('remark-parse') as typeof import('remark-parse')).default };
    })();
  return (processor = load.unified().use(load.remarkParse));
}
const NON_SPACE = /\S/;
const BR_TAG = /^<br\s*\/?>$/i;
const TABLE_FIRST = /^\|[^\n]*\|/;

type Kind = Segment['kind'];

/** Offsets of the start of every line of `text` (index 0 = line 1). */
export function lineOffsets(text: string): number[] {
  const out = [0];
  let i = text.indexOf('\n');
  while (i !== -1) {
    out.push(i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return out;
}

class Ctx {
  constructor(
    readonly text: string,
    readonly starts: number[],
    /** Added to mdast lines (body parsed after front matter). */
    readonly lineShift: number,
    readonly segments: Segment[],
  ) {}

  /** Source line (1-based, file numbering) without its LF. */
  sourceLine(line: number): string {
    const s = this.starts[line - 1];
    if (s === undefined) return '';
    const e = this.starts[line];
    return this.text.slice(s, e === undefined ? this.text.length : e - 1);
  }

  /** Column of the first content character of a continuation line (after indentation and `>` markers). */
  contentColumn(line: number): number {
    const l = this.sourceLine(line);
    let i = 0;
    while (i < l.length) {
      const c = l.charCodeAt(i);
      if (c === 32 || c === 9 || c === 62) i++;
      else break;
    }
    return i + 1;
  }
}

const ENTITY_AT = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;

/** Decoded text of a numeric character reference (`&#...;`), as micromark decodes it. */
function numericEntity(ref: string): string {
  const hex = ref[2] === 'x' || ref[2] === 'X';
  const cp = parseInt(ref.slice(hex ? 3 : 2, -1), hex ? 16 : 10);
  if (!(cp > 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(cp);
}

/**
 * Pushes `value`, the decoded content of the source range [from, to) starting
 * at (line, column), walking value and source in step so every run of
 * verbatim characters gets its exact source column. With `decode`, backslash
 * escapes and character references of the source are recognised (text
 * nodes); without, only line prefixes and stripped spaces (code spans). A
 * soft line break in `value` skips the source's trailing spaces, the line
 * end and the next line's indentation / `>` markers. Linear: every step
 * advances the value index or the source index.
 */
function pushAligned(ctx: Ctx, b: Builder, value: string, from: number, to: number, line: number, column: number, decode: boolean): void {
  const raw = ctx.text;
  let lineStart = from - (column - 1);
  let i = 0;
  let j = from;
  let run = -1;
  let runLine = line;
  let runCol = column;
  const flush = (end: number) => {
    if (run >= 0 && end > run) b.push(value.slice(run, end), runLine, runCol);
    run = -1;
  };
  while (i < value.length) {
    if (j >= to) { flush(i); b.push(value.slice(i)); return; }
    const v = value.charCodeAt(i);
    const r = raw.charCodeAt(j);
    if (v === 10 && r !== 10) {
      // soft line break: drop trailing spaces, then the line prefix of the next line
      if (r === 32 || r === 9) { flush(i); j++; continue; }
    }
    if (v === 10 && r === 10) {
      flush(i);
      b.newline();
      i++;
      j++;
      line++;
      lineStart = j;
      const next = value.charCodeAt(i);
      while (j < to) {
        const c = raw.charCodeAt(j);
        if (c === next || (c !== 32 && c !== 9 && c !== 62)) break;
        j++;
      }
      continue;
    }
    if (decode && r === 92 && j + 1 < to && ASCII_PUNCT.test(raw[j + 1]!) && value.charCodeAt(i) === raw.charCodeAt(j + 1)) {
      flush(i); // escape: the next source character is the value character
      j++;
      continue;
    }
    if (decode && r === 38) {
      ENTITY_AT.lastIndex = j;
      const m = ENTITY_AT.exec(raw);
      if (m && ENTITY_AT.lastIndex <= to && !value.startsWith(m[0], i)) {
        const end = ENTITY_AT.lastIndex;
        let len = 0;
        if (m[0][1] === '#') {
          const d = numericEntity(m[0]);
          if (value.startsWith(d, i)) len = d.length;
        } else {
          // named reference: the decoded length (1-4 units) that lets source and value continue in step
          for (let k = 1; k <= 4 && i + k <= value.length; k++) {
            const nv = value.charCodeAt(i + k);
            if (i + k === value.length || nv === 10 || nv === raw.charCodeAt(end)) { len = k; break; }
          }
        }
        if (len > 0) {
          flush(i);
          b.push(value.slice(i, i + len), line, j - lineStart + 1);
          i += len;
          j = end;
          continue;
        }
      }
    }
    if (r === v) {
      if (run < 0) { run = i; runLine = line; runCol = j - lineStart + 1; }
      i++;
      j++;
      continue;
    }
    // source character with no counterpart in value (stripped space, unknown markup): skip it
    flush(i);
    if (r === 10) { line++; lineStart = j + 1; }
    j++;
  }
  flush(i);
}

function inline(ctx: Ctx, b: Builder, nodes: MdNode[] | undefined): void {
  if (!nodes) return;
  for (const n of nodes) {
    const p = n.position?.start;
    switch (n.type) {
      case 'text':
        if (p && p.offset !== undefined && n.position?.end.offset !== undefined) {
          const base = ctx.starts[ctx.lineShift]!;
          pushAligned(ctx, b, n.value ?? '', base + p.offset, base + n.position.end.offset, p.line + ctx.lineShift, p.column, true);
        } else if (p) b.pushLines(ctx, n.value ?? '', p.line + ctx.lineShift, p.column);
        else b.push(n.value ?? '');
        break;
      case 'inlineCode': {
        const end = n.position?.end.offset;
        if (p && p.offset !== undefined && end !== undefined) {
          const base = ctx.starts[ctx.lineShift]!;
          const raw = ctx.text;
          let from = base + p.offset;
          let to = base + end;
          let ticks = 0;
          while (from + ticks < to && raw.charCodeAt(from + ticks) === 96) ticks++;
          from += ticks;
          to -= ticks;
          pushAligned(ctx, b, n.value ?? '', from, Math.max(from, to), p.line + ctx.lineShift, p.column + ticks, false);
        } else b.push(n.value ?? '');
        break;
      }
      case 'break':
        b.newline();
        break;
      case 'html':
        if (BR_TAG.test(n.value ?? '')) b.newline();
        break;
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        break;
      default:
        inline(ctx, b, n.children);
    }
  }
}

function emit(ctx: Ctx, kind: Kind, node: MdNode, b: Builder): void {
  const { text, lineStarts } = b.result();
  if (!NON_SPACE.test(text)) return;
  const start = node.position?.start;
  const first = lineStarts[0] ?? { offset: 0, line: (start?.line ?? 1) + ctx.lineShift, column: start?.column ?? 1 };
  if (lineStarts.length === 0) lineStarts.push(first);
  ctx.segments.push({ kind, text, line: first.line, column: first.column, lineStarts });
}

/** Code and HTML blocks: value lines are suffixes of source lines. */
function rawBlock(ctx: Ctx, kind: Kind, node: MdNode, value: string, firstLine: number): void {
  const b = new Builder();
  const lines = value.split('\n');
  for (let k = 0; k < lines.length; k++) {
    const line = firstLine + k;
    const v = lines[k]!;
    const src = ctx.sourceLine(line);
    const column = Math.max(1, src.length - v.length + 1);
    if (k > 0) b.newline();
    b.push(v, line, column);
  }
  emit(ctx, kind, node, b);
}

function blankTags(html: string): string {
  return blankHtml(html);
}

function block(ctx: Ctx, node: MdNode, container: Kind | null): void {
  switch (node.type) {
    case 'heading':
    case 'paragraph': {
      const b = new Builder();
      inline(ctx, b, node.children);
      let kind: Kind = node.type === 'heading' ? 'heading' : (container ?? 'paragraph');
      if (node.type === 'paragraph' && TABLE_FIRST.test(b.parts.join('').trimStart())) kind = 'table';
      emit(ctx, kind, node, b);
      return;
    }
    case 'code': {
      const start = node.position?.start;
      if (!start) return;
      const line = start.line + ctx.lineShift;
      const srcLine = ctx.sourceLine(line).trimStart();
      const fenced = srcLine.startsWith('```') || srcLine.startsWith('~~~');
      rawBlock(ctx, 'code', node, node.value ?? '', fenced ? line + 1 : line);
      return;
    }
    case 'html': {
      const start = node.position?.start;
      if (!start) return;
      rawBlock(ctx, 'html', node, blankTags(node.value ?? ''), start.line + ctx.lineShift);
      return;
    }
    case 'listItem':
      for (const c of node.children ?? []) block(ctx, c, 'list-item');
      return;
    case 'blockquote':
      for (const c of node.children ?? []) block(ctx, c, container === 'list-item' ? container : 'blockquote');
      return;
    case 'table':
    case 'tableRow': {
      // only with a GFM extension; cells joined by ' | '
      if (node.type === 'table') {
        for (const row of node.children ?? []) block(ctx, row, 'table');
        return;
      }
      const b = new Builder();
      (node.children ?? []).forEach((cell, i) => {
        if (i > 0) b.push(' | ');
        inline(ctx, b, cell.children);
      });
      emit(ctx, 'table', node, b);
      return;
    }
    case 'thematicBreak':
    case 'definition':
    case 'yaml':
      return;
    default:
      for (const c of node.children ?? []) block(ctx, c, container);
  }
}

/**
 * Parses markdown. With `bodyStartLine` > 1 only the text from that line on is
 * parsed (a model card body after its front matter) and positions keep the
 * file's line numbers.
 */
export function parseMarkdown(src: SourceText, bodyStartLine = 1): ParsedDocument {
  const starts = lineOffsets(src.text);
  const shift = Math.min(Math.max(bodyStartLine, 1), starts.length) - 1;
  const body = shift === 0 ? src.text : src.text.slice(starts[shift]);
  // remark-parse is super-linear on some shapes: those go to the linear line scanner (time budget, README Limits)
  const why = superLinearShape(body);
  if (why) {
    const doc = parseMarkdownFast(src, bodyStartLine);
    doc.warnings.push({ code: 'MARKDOWN_FALLBACK', message: `${src.path}: ${why}; parsed with the line scanner instead of remark (time bound)`, path: src.path });
    return doc;
  }
  const segments: Segment[] = [];
  const ctx = new Ctx(src.text, starts, shift, segments);
  const tree = markdownProcessor().parse(body) as unknown as MdNode;
  for (const c of tree.children ?? []) block(ctx, c, null);
  return { path: src.path, format: 'markdown', text: src.text, segments, warnings: [...src.warnings] };
}
