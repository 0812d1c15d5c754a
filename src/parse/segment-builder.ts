import type { Segment } from '../types.js';

type Entry = Segment['lineStarts'][number];
const NON_SPACE = /\S/;

/**
 * Builds one Segment's plain text from pieces of source text, recording where
 * each piece came from: `lineStarts` gets an entry wherever the mapping from
 * text offset to source column changes (a new line, removed markup), so
 * `column + (offset - entry.offset)` of the last entry at or before an offset
 * is its source column. Shared by both markdown parsers (markdown.ts,
 * markdown-fast.ts). Leading whitespace of the segment is dropped.
 */
export class SegmentBuilder {
  parts: string[] = [];
  len = 0;
  entries: Entry[] = [];

  private mark(line: number, column: number): void {
    const last = this.entries[this.entries.length - 1];
    if (last && last.line === line && last.column + (this.len - last.offset) === column) return;
    if (last && last.offset === this.len) { last.line = line; last.column = column; return; }
    this.entries.push({ offset: this.len, line, column });
  }

  /** Appends `s`, which starts at (line, column) of the source; without a position it continues the previous mapping. */
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

  /** A line break (none at the start of the segment). */
  newline(): void {
    if (this.len > 0) { this.parts.push('\n'); this.len += 1; }
  }

  /** A text value starting at (line, column) whose '\n' are source line ends; `src` gives each next line's content column. */
  pushLines(src: { contentColumn(line: number): number }, value: string, line: number, column: number): void {
    if (value.indexOf('\n') === -1) { this.push(value, line, column); return; }
    const pieces = value.split('\n');
    for (let k = 0; k < pieces.length; k++) {
      if (k > 0) {
        this.newline();
        line++;
        column = src.contentColumn(line);
      }
      this.push(pieces[k]!, line, column);
    }
  }

  /** The text (trailing whitespace trimmed) and the entries that fall inside it. */
  result(): { text: string; lineStarts: Entry[] } {
    let text = this.parts.join('');
    const trimmed = text.trimEnd();
    if (trimmed.length !== text.length) text = trimmed;
    const lineStarts = this.entries.filter((e) => e.offset < text.length || e.offset === 0);
    return { text, lineStarts };
  }

  /** The segment of `kind`, or null when its text is blank. */
  segment(kind: Segment['kind']): Segment | null {
    const { text, lineStarts } = this.result();
    if (!NON_SPACE.test(text)) return null;
    const first = lineStarts[0]!;
    return { kind, text, line: first.line, column: first.column, lineStarts };
  }
}
