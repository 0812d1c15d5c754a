/**
 * HTML license texts: detection, the parsed tree walked without recursion, and
 * the text as the matcher reads it, offset for offset (a copy of the input
 * where markup, comments and the <head> are blanked out and block elements
 * start and end a paragraph, so that words keep their input positions:
 * evidence and additions still quote the input). Parsed with parse5 (the
 * WHATWG parser rehype-parse uses), which runs no scripts and fetches
 * nothing. parse5 builds the tree iteratively; its hast conversion
 * (hast-util-from-parse5) recurses per nesting level and overflows the stack
 * at a few thousand nested tags, so the tree is walked here directly, with an
 * explicit stack.
 */
import { createRequire } from 'node:module';
import type { DefaultTreeAdapterMap } from 'parse5';

type Parse5 = typeof import('parse5');
let parse5: Parse5 | undefined;
/**
 * parse5 (with entities) loads on first use: most inputs are not HTML. The build bundles the literal
 * `require('parse5')` (initialised when first called); outside a bundle (the sources under test)
 * Node's require loads the package.
 */
function loadParse5(): Parse5 {
  return (parse5 ??= (typeof require === 'function' ? require('parse5') : createRequire(import.meta.url)('parse5')) as Parse5);
}

export type HtmlNode = DefaultTreeAdapterMap['childNode'];
export type HtmlElement = DefaultTreeAdapterMap['element'];
export type HtmlText = DefaultTreeAdapterMap['textNode'];

/** Starts like an HTML document: a doctype or a document tag (after an XML declaration or a comment). */
const HTML_DOC_START = /^\s{0,200}(?:<\?xml[^>]{0,200}>\s{0,200})?(?:<!--[^>]{0,400}-->\s{0,200})?<(?:!doctype\s{1,10}html|html|head|body)\b/i;
/** Starts with a block tag: an HTML fragment, or markdown with an inline HTML heading. */
const BLOCK_START = /^\s{0,200}<(?:div|p|h[1-6]|table|ul|ol)\b/i;
const CLOSING_BLOCK = /<\/(?:p|div|li|tr|h[1-6])>/gi;
/** Closing block tags a fragment needs to be read as HTML (markdown with one inline heading has one). */
const MIN_FRAGMENT_BLOCKS = 3;

export const BLOCK_TAGS: ReadonlySet<string> = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table',
  'blockquote', 'pre', 'hr', 'section', 'article', 'header', 'footer', 'body', 'center']);
/** Elements whose content is never rendered as the license's words. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set(['head', 'script', 'style', 'template', 'noscript']);

export function looksLikeHtml(text: string): boolean {
  if (HTML_DOC_START.test(text)) return true;
  if (!BLOCK_START.test(text)) return false;
  let n = 0;
  CLOSING_BLOCK.lastIndex = 0;
  while (CLOSING_BLOCK.exec(text) !== null) if (++n >= MIN_FRAGMENT_BLOCKS) return true;
  return false;
}

export interface HtmlVisitor {
  text(node: HtmlText): void;
  /** Called on entering an element that is not skipped; return a value to get `leave(el, value)` after its children. */
  enter(el: HtmlElement): unknown;
  leave?(el: HtmlElement, value: unknown): void;
}

/** Parses `text` (positions kept) and walks its rendered nodes in document order, depth first, with an explicit stack. */
export function walkHtml(text: string, v: HtmlVisitor): void {
  const doc = loadParse5().parse(text, { sourceCodeLocationInfo: true });
  type Item = { node: HtmlNode } | { leave: HtmlElement; value: unknown };
  const stack: Item[] = [...doc.childNodes].reverse().map((node) => ({ node }));
  while (stack.length) {
    const item = stack.pop()!;
    if ('leave' in item) { v.leave?.(item.leave, item.value); continue; }
    const n = item.node;
    if (n.nodeName === '#text') { v.text(n as HtmlText); continue; }
    if (!('tagName' in n)) continue; // comments, doctype
    const el = n as HtmlElement;
    if (SKIPPED_TAGS.has(el.tagName)) continue;
    const value = v.enter(el);
    if (value !== undefined) stack.push({ leave: el, value });
    for (let i = el.childNodes.length - 1; i >= 0; i--) stack.push({ node: el.childNodes[i]! });
  }
}

/** Same-length text of an HTML document: only text content stays, block boundaries become blank lines. */
export function htmlToMaskedText(text: string): string {
  const out = new Array<string>(text.length);
  // keep line structure: every input line end stays a line end
  for (let i = 0; i < text.length; i++) out[i] = text[i] === '\n' ? '\n' : ' ';
  walkHtml(text, {
    text(n) {
      const loc = n.sourceCodeLocation;
      if (!loc) return;
      // parse5 merges text around end tags it moves (the line end after </body></html>): never copy a tag
      for (let i = loc.startOffset; i < loc.endOffset; i++) {
        if (text[i] === '<' && /[A-Za-z/!?]/.test(text[i + 1] ?? '')) {
          const close = text.indexOf('>', i);
          if (close !== -1 && close < loc.endOffset) { i = close; continue; }
        }
        out[i] = text[i]!;
      }
    },
    enter(el) {
      const loc = el.sourceCodeLocation;
      if (BLOCK_TAGS.has(el.tagName) && loc) breakAt(out, loc.startOffset, loc.endOffset);
      return undefined;
    },
  });
  return out.join('');
}

/** A paragraph break at the element's opening and closing tag (two line ends each, where the tag has room). */
function breakAt(out: string[], s: number, e: number): void {
  if (s + 1 < out.length) { out[s] = '\n'; out[s + 1] = '\n'; }
  if (e - 2 >= 0 && e - 2 > s + 1) { out[e - 1] = '\n'; out[e - 2] = '\n'; }
}
