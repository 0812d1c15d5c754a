/**
 * Neutralization of untrusted strings (card fields, file and folder names,
 * model ids, messages quoting input) for each report format. JSON needs none
 * (JSON.stringify escapes control characters); SARIF is JSON with capped messages.
 *
 * - text: control, format and line/paragraph-separator characters are shown
 *   escaped (`\x1b`, `\r`, `\n`, `\t`, `<U+202E>`), never raw, so one model
 *   stays on one line and no terminal sequence reaches the screen.
 * - markdown: after the text escaping, every ASCII punctuation character that
 *   takes part in an inline construct is backslash-escaped, so no link,
 *   image, autolink, HTML, emphasis, code span or table cell can be formed from
 *   input; `@name` and `#123` get a zero-width space after the sign so GitHub
 *   forms no mention or issue link; inside code spans the fence is longer than
 *   any backtick run of the content (in a GFM table, text with `|` is not put
 *   in a code span: it is rendered as escaped plain text).
 */

/** Control (C0, DEL, C1), format (bidi controls, zero-width, soft hyphen, BOM), line/paragraph separators, lone surrogates. */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return `\\x${cp.toString(16).padStart(2, '0')}`;
  return `<U+${cp.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** Text reports: control and format characters shown escaped; the result is one line. */
export function escapeText(s: string): string {
  return s.replace(UNSAFE, escapeChar);
}

/** One-line form of a message for stderr (same escaping as the text report). */
export const oneLine = escapeText;

/**
 * The ASCII punctuation that can start or take part in an inline construct inside a line
 * (links, images, autolinks and autolink literals, HTML, entities, emphasis, strikethrough,
 * code spans, cells, mentions). Text is never placed at a line start, so block markers such
 * as `-`, `+`, `=` need no escape; CommonMark allows a backslash before any of these.
 */
const ASCII_PUNCT = /[\\`*_[\]()!<>&|~#@:.]/g;
/** `@name` (mentions, emails) and `#123` (issue links): GitHub links them in plain text. */
const GITHUB_REF = /([@#])(?=[\p{L}\p{N}_])/gu;

/** Markdown inline text (table cells, list items): nothing in `s` can form markdown or HTML. */
export function mdText(s: string): string {
  // after `- ` or `> ` the text starts a block: a leading `-`, `+` or `=` would open a list, rule or heading
  return escapeText(s).replace(GITHUB_REF, '$1\u200B').replace(ASCII_PUNCT, (c) => `\\${c}`).replace(/^([ \t]*)([-+=])/, '$1\\$2');
}

/** Markdown code span holding `s` verbatim (after text escaping); `inTable`: `|` escaped for a GFM table cell. */
export function mdCode(s: string, inTable = true): string {
  const text = escapeText(s);
  // GFM tables split cells on `|` before inline parsing, and a backslash before it is itself an escape:
  // a pipe cannot be held safely in a code span, so such text is rendered as escaped plain text instead
  if (inTable && text.includes('|')) return mdText(s);
  const body = text;
  let longest = 0;
  let run = 0;
  for (const c of body) {
    run = c === '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  const fence = '`'.repeat(longest + 1);
  // CommonMark strips one space from each end when both ends have one (unless all spaces): pad so that what is stripped is ours
  const pad = body.trim() !== '' && (body.startsWith('`') || body.endsWith('`') || (body.startsWith(' ') && body.endsWith(' '))) ? ' ' : '';
  return `${fence}${pad}${body === '' ? ' ' : body}${pad}${fence}`;
}

/** Longest SARIF message text, in UTF-16 code units (documented in README, Limits). */
export const SARIF_MESSAGE_MAX = 4096;

/** Caps `s` at `max` code units (not splitting a surrogate pair), marking the cut. */
export function cap(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}
