/**
 * HTML license texts as text, offset for offset: a copy of the input where
 * markup, comments and the <head> are blanked out and block elements start and
 * end a paragraph, so that words keep their input positions (evidence and
 * additions still quote the input). Parsed with rehype-parse (parse5), which
 * does not run scripts or fetch anything; the output has the input's length.
 */
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import type { Root, RootContent, Element } from 'hast';

/** Starts like an HTML document: a doctype or a document tag (after an XML declaration or a comment). */
const HTML_DOC_START = /^\s{0,200}(?:<\?xml[^>]{0,200}>\s{0,200})?(?:<!--[^>]{0,400}-->\s{0,200})?<(?:!doctype\s{1,10}html|html|head|body)\b/i;
/** Starts with a block tag: an HTML fragment, or markdown with an inline HTML heading. */
const BLOCK_START = /^\s{0,200}<(?:div|p|h[1-6]|table|ul|ol)\b/i;
const CLOSING_BLOCK = /<\/(?:p|div|li|tr|h[1-6])>/gi;
/** Closing block tags a fragment needs to be read as HTML (markdown with one inline heading has one). */
const MIN_FRAGMENT_BLOCKS = 3;

const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table',
  'blockquote', 'pre', 'hr', 'section', 'article', 'header', 'footer', 'body', 'center']);
const SKIPPED = new Set(['head', 'script', 'style', 'template', 'noscript']);

export function looksLikeHtml(text: string): boolean {
  if (HTML_DOC_START.test(text)) return true;
  if (!BLOCK_START.test(text)) return false;
  let n = 0;
  CLOSING_BLOCK.lastIndex = 0;
  while (CLOSING_BLOCK.exec(text) !== null) if (++n >= MIN_FRAGMENT_BLOCKS) return true;
  return false;
}

/** Same-length text of an HTML document: only text content stays, block boundaries become blank lines. */
export function htmlToMaskedText(text: string): string {
  const tree = unified().use(rehypeParse).parse(text) as Root;
  const out = new Array<string>(text.length);
  // keep line structure: every input line end stays a line end
  for (let i = 0; i < text.length; i++) out[i] = text[i] === '\n' ? '\n' : ' ';
  const visit = (nodes: RootContent[]): void => {
    for (const n of nodes) {
      if (n.type === 'text') {
        const s = n.position?.start.offset;
        const e = n.position?.end.offset;
        if (s === undefined || e === undefined) continue;
        for (let i = s; i < e; i++) out[i] = text[i]!;
      } else if (n.type === 'element') {
        const el = n as Element;
        if (SKIPPED.has(el.tagName)) continue;
        if (BLOCK.has(el.tagName)) breakAt(out, el.position?.start.offset, el.position?.end.offset);
        visit(el.children);
      }
    }
  };
  visit(tree.children);
  return out.join('');
}

/** A paragraph break at the element's opening and closing tag (two line ends each, where the tag has room). */
function breakAt(out: string[], s: number | undefined, e: number | undefined): void {
  if (s !== undefined && s + 1 < out.length) { out[s] = '\n'; out[s + 1] = '\n'; }
  if (e !== undefined && e - 2 >= 0 && e - 2 > (s ?? -1) + 1) { out[e - 1] = '\n'; out[e - 2] = '\n'; }
}
