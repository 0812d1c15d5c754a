import type { Limits } from '../limits.js';
import type { ParsedDocument, SourceText } from '../types.js';
import { parseFrontMatter } from './frontmatter.js';
import { parseMarkdown } from './markdown.js';
import { parseMarkdownFast } from './markdown-fast.js';
import { parsePlain } from './plain.js';
import { isHtmlInput, parseHtml } from './html-document.js';

/**
 * Chooses the parser: a file with YAML front matter is a model card (metadata
 * + markdown body); `.md`/`.markdown` files and text with markdown syntax go
 * through remark (or the fast scanner when asked); HTML (an .html file, or a
 * text that reads as an HTML document) is rendered by parse/html-document.ts;
 * everything else takes the much faster plain-text path.
 */

const MD_EXT = /\.(?:md|markdown|mdx)$/i;
const HEADING = /^#{1,6}[ \t]+\S/m;
const BOLD = /\*\*[^*\n]{1,200}\*\*/;
const ESCAPED_NUMBER = /^[ \t]{0,3}\d{1,3}\\\./m;
const TABLE_DELIMITER = /^[ \t]{0,3}\|?[ \t]*:?-{3,}:?[ \t]*\|/m;
const LINK = /\]\(https?:\/\//;

/** Cheap test for markdown syntax (headings, **bold**, escaped numbering, tables, inline links). */
export function looksLikeMarkdown(text: string): boolean {
  return HEADING.test(text) || BOLD.test(text) || ESCAPED_NUMBER.test(text) || TABLE_DELIMITER.test(text) || LINK.test(text);
}

export interface ParseOptions {
  limits?: Partial<Limits>;
  /**
   * Markdown engine: 'remark' (default; unified + remark-parse, full CommonMark)
   * or 'fast' (a linear line scanner, about 10x faster, for bulk surveys; it
   * does not follow every CommonMark list rule). Both produce the same Segment
   * contract; test/parse compares them on the corpus.
   */
  markdown?: 'fast' | 'remark';
  /**
   * A README in another format (README, README.txt, README.rst): no front matter is read (it is no
   * Hub model card) and the text is parsed as markdown whatever its name, the way a README.md is
   * (setext "License\n=======" headings, which reStructuredText shares, are sections).
   */
  readme?: boolean;
}

/** Deepest container nesting (`>`, list markers) at a line start, and the count of `*`/`_`, in one linear pass. */
function hostileMarkdown(text: string): string | null {
  let emphasis = 0;
  let depth = 0;
  let indent = 0;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) { atLineStart = true; depth = 0; indent = 0; continue; }
    if (c === 42 || c === 95) emphasis++; // * _
    if (!atLineStart) continue;
    const next = text.charCodeAt(i + 1);
    // `>` opens a blockquote; `-`, `+`, `*` open a list item only when followed by a space or tab.
    const prev = text.charCodeAt(i - 1);
    const ordered = (c === 46 || c === 41) && prev >= 48 && prev <= 57 && (next === 32 || next === 9); // 1. 1)
    if (c === 62 || ordered || ((c === 45 || c === 43 || c === 42) && (next === 32 || next === 9))) {
      if (++depth > MAX_NESTING) return `container nesting deeper than ${MAX_NESTING}`;
    } else if (c === 32 || c === 9) {
      if (++indent > MAX_NESTING * 4) return `indentation deeper than ${MAX_NESTING * 4} columns`;
    } else if (!(c >= 48 && c <= 57) && c !== 46 && c !== 41) {
      atLineStart = false;
    }
  }
  return emphasis > MAX_EMPHASIS ? `more than ${MAX_EMPHASIS} emphasis markers` : null;
}

/** Past these, remark-parse recurses too deep or goes super-linear: the fast scanner takes over. */
const MAX_NESTING = 64;
const MAX_EMPHASIS = 5000;

export function parseDocument(src: SourceText, opts: ParseOptions = {}): ParsedDocument {
  const fm = opts.readme ? null : parseFrontMatter(src.text, src.path, opts.limits);
  if (!fm && !opts.readme && isHtmlInput(src.text, src.path)) return parseHtml(src);
  const isMd = !!fm || opts.readme || MD_EXT.test(src.path) || looksLikeMarkdown(src.text);
  if (!isMd) return parsePlain(src);
  let md = opts.markdown === 'fast' ? parseMarkdownFast : parseMarkdown;
  const why = md === parseMarkdown ? hostileMarkdown(src.text) : null;
  if (why) md = parseMarkdownFast;
  let doc: ParsedDocument;
  try {
    doc = md(src, fm?.bodyStartLine);
  } catch (e) {
    if (!(e instanceof RangeError) || md === parseMarkdownFast) throw e;
    doc = parseMarkdownFast(src, fm?.bodyStartLine);
    doc.warnings.push({ code: 'MARKDOWN_FALLBACK', message: `${src.path}: remark-parse failed (${e.message}); parsed with the line scanner`, path: src.path });
  }
  if (why) doc.warnings.push({ code: 'MARKDOWN_FALLBACK', message: `${src.path}: ${why}; parsed with the line scanner instead of remark`, path: src.path });
  if (fm) {
    doc.card = fm.meta;
    if (fm.warnings.length) doc.warnings.push(...fm.warnings);
  }
  return doc;
}
