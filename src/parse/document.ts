import type { Limits } from '../limits.js';
import type { ParsedDocument, SourceText } from '../types.js';
import { parseFrontMatter } from './frontmatter.js';
import { parseMarkdown } from './markdown.js';
import { parseMarkdownFast } from './markdown-fast.js';
import { parsePlain } from './plain.js';

/**
 * Chooses the parser: a file with YAML front matter is a model card (metadata
 * + markdown body); `.md`/`.markdown` files and text with markdown syntax go
 * through remark (or the fast scanner when asked); everything else takes the much faster plain-text path.
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
}

export function parseDocument(src: SourceText, opts: ParseOptions = {}): ParsedDocument {
  const md = opts.markdown === 'fast' ? parseMarkdownFast : parseMarkdown;
  const fm = src.text.startsWith('---') ? parseFrontMatter(src.text, src.path, opts.limits) : null;
  if (fm) {
    const doc = md(src, fm.bodyStartLine);
    doc.card = fm.meta;
    if (fm.warnings.length) doc.warnings.push(...fm.warnings);
    return doc;
  }
  if (MD_EXT.test(src.path) || looksLikeMarkdown(src.text)) return md(src);
  return parsePlain(src);
}
