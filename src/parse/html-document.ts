/**
 * HTML license texts (LICENSE.html, an HTML page saved as LICENSE) parsed into
 * segments of rendered text, as markdown is: parse5 (parse/html.ts: no scripts
 * run, nothing fetched) builds the tree, character references are decoded,
 * markup, comments, <head>, <script> and <style> are dropped, and every block
 * element (p, li, h1-h6, div, tr, ...) is a segment of its own. Each text node
 * records where it starts in the input (lineStarts), so evidence points at
 * the input's line and column while quoting the rendered words, never the
 * markup.
 */
import type { ParsedDocument, Segment, SourceText } from '../types.js';
import { BLOCK_TAGS, looksLikeHtml, walkHtml, type HtmlText } from './html.js';

const HTML_EXT = /\.(?:html?|xhtml)$/i;
const MD_EXT = /\.(?:md|markdown|mdx)$/i;
/** Tags whose text is separated from its neighbours by a space (table cells). */
const SPACED = new Set(['td', 'th']);

/** An input to parse as HTML: an .html file, or a non-markdown file that reads as an HTML document or fragment. */
export function isHtmlInput(text: string, path: string): boolean {
  if (HTML_EXT.test(path)) return true;
  return !MD_EXT.test(path) && looksLikeHtml(text);
}

interface Open { kind: Segment['kind']; text: string; lineStarts: Segment['lineStarts'] }

export function parseHtml(src: SourceText): ParsedDocument {
  const segments: Segment[] = [];
  let cur: Open | null = null;
  const flush = () => {
    if (cur) {
      const text = cur.text.trimEnd();
      if (text && cur.lineStarts.length) {
        const first = cur.lineStarts[0]!;
        segments.push({ kind: cur.kind, text, line: first.line, column: first.column, lineStarts: cur.lineStarts });
      }
    }
    cur = null;
  };
  const addText = (n: HtmlText, kind: Segment['kind']) => {
    const loc = n.sourceCodeLocation;
    if (!loc) return;
    const pos = { line: loc.startLine, column: loc.startCol };
    const pieces = n.value.split('\n');
    // a character reference never spans lines: the k-th line of the value is the k-th line of the input
    const sameLines = src.text.slice(loc.startOffset, loc.endOffset).split('\n').length === pieces.length;
    pieces.forEach((raw, k) => {
      // a new input line is a new text line; when the lines cannot be matched, a space
      if (k > 0 && cur) cur.text += sameLines ? '\n' : ' ';
      const lead = raw.length - raw.trimStart().length;
      const starting = !cur || cur.text === '' || /\s$/.test(cur.text);
      // indentation is not text: dropped at a line start, one space between words
      const skip = starting ? lead : Math.max(0, lead - 1);
      const piece = raw.slice(skip);
      if (!piece.trim()) return;
      cur ??= { kind, text: '', lineStarts: [] };
      if (k === 0 || sameLines) {
        cur.lineStarts.push({ offset: cur.text.length, line: pos.line + k, column: (k === 0 ? pos.column : 1) + skip });
      }
      cur.text += piece;
    });
  };
  const kinds: Array<Segment['kind']> = ['paragraph'];
  walkHtml(src.text, {
    text: (n) => addText(n, kinds[kinds.length - 1]!),
    enter(el) {
      if (el.tagName === 'br') { if (cur) cur.text += '\n'; return undefined; }
      if (SPACED.has(el.tagName) && cur && !/\s$/.test(cur.text)) cur.text += ' ';
      if (!BLOCK_TAGS.has(el.tagName)) return undefined;
      flush();
      kinds.push(/^h[1-6]$/.test(el.tagName) ? 'heading' : el.tagName === 'li' ? 'list-item' : 'paragraph');
      return true;
    },
    leave() { flush(); kinds.pop(); },
  });
  flush();
  return { path: src.path, format: 'plain', text: src.text, segments, warnings: [...src.warnings] };
}
