/**
 * One linear pass over a markdown body that says whether remark-parse can take
 * it within the time budget (README, Limits). remark-parse (micromark) is
 * super-linear on some shapes far below maxFileBytes: long runs of lines
 * without a blank line (one paragraph of thousands of lines, thousands of
 * reference definitions), lazy continuation lines after a blockquote or list
 * marker, many brackets or link openers in one block, and very many blocks.
 * Past any of these bounds the caller parses with the linear line scanner
 * instead (MARKDOWN_FALLBACK warning). Real licenses and model cards stay far
 * below every bound (the largest corpus file has a few hundred blocks).
 */

export interface MarkdownShapeLimits {
  /** Largest body remark parses, in UTF-16 code units. */
  maxChars: number;
  /** Most consecutive non-blank lines (one block). */
  maxRunLines: number;
  /** Most lazy continuation lines after a `>` or list-item line in one block. */
  maxLazyLines: number;
  /** Most `[` or `](` / `![` in one block. */
  maxBracketsPerBlock: number;
  /** Most blocks (runs of non-blank lines) in the body. */
  maxBlocks: number;
  /** Most lines in the body (remark costs tens of microseconds per line on this machine). */
  maxLines: number;
  /** Most lines that open a blockquote or list item (cost grows with their number times the document). */
  maxContainerLines: number;
  /** Most lazy continuation lines in the body. */
  maxLazyTotal: number;
  /** Most `[` or `](` in the body. */
  maxBracketsTotal: number;
}

export const MARKDOWN_SHAPE_LIMITS: MarkdownShapeLimits = {
  maxChars: 256 * 1024,
  maxRunLines: 400,
  maxLazyLines: 40,
  maxBracketsPerBlock: 400,
  maxBlocks: 3000,
  maxLines: 6000,
  maxContainerLines: 1500,
  maxLazyTotal: 400,
  maxBracketsTotal: 5000,
};

const isSpace = (c: number) => c === 32 || c === 9;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** True when the line starting at `i` opens a container: `>`, or a list marker (`-`, `+`, `*`, `1.`, `1)`) then a space. */
function opensContainer(s: string, i: number, end: number): boolean {
  let k = i;
  let n = 0;
  while (k < end && isSpace(s.charCodeAt(k)) && n < 4) { k++; n++; }
  const c = s.charCodeAt(k);
  if (c === 62) return true; // >
  if ((c === 45 || c === 43 || c === 42) && (k + 1 >= end || isSpace(s.charCodeAt(k + 1)))) return true;
  let d = k;
  while (d < end && d - k < 9 && isDigit(s.charCodeAt(d))) d++;
  if (d > k && (s.charCodeAt(d) === 46 || s.charCodeAt(d) === 41) && (d + 1 >= end || isSpace(s.charCodeAt(d + 1)))) return true;
  return false;
}

/** Why remark must not parse `body`, or null when it may. Linear in body length. */
export function superLinearShape(body: string, lim: MarkdownShapeLimits = MARKDOWN_SHAPE_LIMITS): string | null {
  if (body.length > lim.maxChars) return `body over ${lim.maxChars} characters`;
  let blocks = 0;
  let lines = 0;
  let containers = 0;
  let lazyTotal = 0;
  let run = 0;
  let lazy = 0;
  let inContainer = false;
  let brackets = 0;
  let bracketsTotal = 0;
  let fence: string | null = null;
  let pos = 0;
  while (pos <= body.length) {
    let end = body.indexOf('\n', pos);
    if (end === -1) end = body.length;
    let k = pos;
    while (k < end && isSpace(body.charCodeAt(k))) k++;
    const blank = k === end;
    if (++lines > lim.maxLines) return `more than ${lim.maxLines} lines`;
    if (blank) {
      run = 0; lazy = 0; inContainer = false; brackets = 0;
    } else {
      if (run === 0) blocks++;
      if (++run > lim.maxRunLines && fence === null) return `more than ${lim.maxRunLines} lines without a blank line`;
      if (blocks > lim.maxBlocks) return `more than ${lim.maxBlocks} blocks`;
      const c = body.charCodeAt(k);
      if ((c === 96 || c === 126) && body.startsWith(String.fromCharCode(c).repeat(3), k)) {
        const mark = String.fromCharCode(c).repeat(3);
        fence = fence === null ? mark : fence === mark ? null : fence;
      }
      if (fence === null) {
        if (opensContainer(body, pos, end)) {
          inContainer = true;
          lazy = 0;
          if (++containers > lim.maxContainerLines) return `more than ${lim.maxContainerLines} quote or list-item lines`;
        } else if (inContainer && k - pos < 2) {
          if (++lazy > lim.maxLazyLines) return `more than ${lim.maxLazyLines} lazy continuation lines after a quote or list item`;
          if (++lazyTotal > lim.maxLazyTotal) return `more than ${lim.maxLazyTotal} lazy continuation lines`;
        }
        for (let i = k; i < end; i++) {
          const ch = body.charCodeAt(i);
          if (ch === 91 || (ch === 40 && body.charCodeAt(i - 1) === 93)) {
            if (++brackets > lim.maxBracketsPerBlock) return `more than ${lim.maxBracketsPerBlock} brackets or link openers in one block`;
            if (++bracketsTotal > lim.maxBracketsTotal) return `more than ${lim.maxBracketsTotal} brackets or link openers`;
          }
        }
      }
    }
    if (end === body.length) break;
    pos = end + 1;
  }
  return null;
}
