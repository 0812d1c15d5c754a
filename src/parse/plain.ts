import type { ParsedDocument, Segment, SourceText } from '../types.js';

/**
 * Plain-text parse: blank-line separated paragraphs. Segment text is the exact
 * source substring (LF line ends), so evidence quotes the input verbatim.
 */
export function parsePlain(src: SourceText): ParsedDocument {
  const lines = src.text.split('\n');
  const segments: Segment[] = [];
  let cur: { startLine: number; lines: string[] } | null = null;
  const flush = () => {
    if (!cur) return;
    const lineStarts: Segment['lineStarts'] = [];
    let offset = 0;
    const parts: string[] = [];
    cur.lines.forEach((l, i) => {
      const lead = i === 0 ? l.length - l.trimStart().length : 0;
      const text = i === 0 ? l.trimStart() : l;
      lineStarts.push({ offset, line: cur!.startLine + i, column: lead + 1 });
      parts.push(text);
      offset += text.length + 1;
    });
    const first = lineStarts[0]!;
    segments.push({ kind: 'paragraph', text: parts.join('\n').trimEnd(), line: first.line, column: first.column, lineStarts });
    cur = null;
  };
  lines.forEach((l, i) => {
    if (l.trim() === '') { flush(); return; }
    if (!cur) cur = { startLine: i + 1, lines: [] };
    cur.lines.push(l);
  });
  flush();
  return { path: src.path, format: 'plain', text: src.text, segments, warnings: [...src.warnings] };
}
