import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { blankHtml } from './markdown-fast.js';
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

const processor = unified().use(remarkParse);
const NON_SPACE = /\S/;
const BR_TAG = /^<br\s*\/?>$/i;
const TABLE_FIRST = /^\|[^\n]*\|/;

type Kind = Segment['kind'];
type Entry = Segment['lineStarts'][number];

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

class Builder {
  parts: string[] = [];
  len = 0;
  entries: Entry[] = [];

  private mark(line: number, column: number): void {
    const last = this.entries[this.entries.length - 1];
    if (last && last.line === line && last.column + (this.len - last.offset) === column) return;
    if (last && last.offset === this.len) { last.line = line; last.column = column; return; }
    this.entries.push({ offset: this.len, line, column });
  }

  push(s: string, line?: number, column?: number): void {
    if (s.length === 0) return;
    if (this.len === 0) {
      const t = s.trimStart();
      if (t.length === 0) return;
      if (column !== undefined) column += s.length - t.length;
      s = t;
    }
    if (line !== undefined && column !== undefined) this.mark(line, column);
    this.parts.push(s);
    this.len += s.length;
  }

  /** A text value starting at (line, column) whose '\n' are source line ends. */
  pushLines(ctx: Ctx, value: string, line: number, column: number): void {
    if (value.indexOf('\n') === -1) { this.push(value, line, column); return; }
    const pieces = value.split('\n');
    for (let k = 0; k < pieces.length; k++) {
      if (k > 0) {
        if (this.len > 0) { this.parts.push('\n'); this.len += 1; }
        line++;
        column = ctx.contentColumn(line);
      }
      this.push(pieces[k]!, line, column);
    }
  }

  result(): { text: string; lineStarts: Entry[] } {
    let text = this.parts.join('');
    const trimmed = text.trimEnd();
    if (trimmed.length !== text.length) text = trimmed;
    const lineStarts = this.entries.filter((e) => e.offset < text.length || e.offset === 0);
    return { text, lineStarts };
  }
}

function inline(ctx: Ctx, b: Builder, nodes: MdNode[] | undefined): void {
  if (!nodes) return;
  for (const n of nodes) {
    const p = n.position?.start;
    switch (n.type) {
      case 'text':
        if (p) b.pushLines(ctx, n.value ?? '', p.line + ctx.lineShift, p.column);
        else b.push(n.value ?? '');
        break;
      case 'inlineCode': {
        let ticks = 0;
        if (p && p.offset !== undefined) {
          const raw = ctx.text;
          const base = p.offset + ctx.starts[ctx.lineShift]!;
          while (raw.charCodeAt(base + ticks) === 96) ticks++;
        }
        if (p) b.pushLines(ctx, n.value ?? '', p.line + ctx.lineShift, p.column + ticks);
        else b.push(n.value ?? '');
        break;
      }
      case 'break':
        if (b.len > 0) { b.parts.push('\n'); b.len += 1; }
        break;
      case 'html':
        if (BR_TAG.test(n.value ?? '') && b.len > 0) { b.parts.push('\n'); b.len += 1; }
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
    if (k > 0 && b.len > 0) { b.parts.push('\n'); b.len += 1; }
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
  const segments: Segment[] = [];
  const ctx = new Ctx(src.text, starts, shift, segments);
  const tree = processor.parse(body) as unknown as MdNode;
  for (const c of tree.children ?? []) block(ctx, c, null);
  return { path: src.path, format: 'markdown', text: src.text, segments, warnings: [...src.warnings] };
}
