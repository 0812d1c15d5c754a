/**
 * Untrusted text (model names, organizations, Epoch notes, license sentences)
 * never reaches a report raw: control and bidirectional-override characters are
 * dropped, length is capped, and each format gets its own escaping. Markdown uses
 * the reports' one escaper (src/report/escape.ts mdText: no link, image, autolink,
 * HTML, emphasis, cell or @mention/#issue reference can form); HTML and CSV are
 * the survey's own formats.
 */
import { mdText } from '../report/escape.js';

const MAX = 400;

/** Drops C0/C1 controls (newlines and tabs become spaces) and bidi overrides/isolates; caps the length. */
export function clean(s: string, max = MAX): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 9 || c === 10 || c === 13) { out += ' '; continue; }
    if (c < 32 || (c >= 0x7f && c < 0xa0)) continue;
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0x200e || c === 0x200f || c === 0x061c) continue;
    out += ch;
    if (out.length >= max) return `${out}…`;
  }
  return out;
}

/** A markdown table cell or inline text: cleaned and capped, then escaped by mdText. */
export function md(s: string, max = MAX): string {
  return mdText(clean(s, max));
}

/** HTML text or attribute value. */
export function html(s: string, max = MAX): string {
  let out = '';
  for (const ch of clean(s, max)) {
    if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '&') out += '&amp;';
    else if (ch === '"') out += '&quot;';
    else if (ch === "'") out += '&#39;';
    else out += ch;
  }
  return out;
}

/** A CSV field (RFC 4180 quoting); a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
export function csv(v: string | number, max = MAX): string {
  if (typeof v === 'number') return String(v);
  let s = clean(v, max);
  if (s && '=+-@'.includes(s[0]!)) s = `'${s}`;
  return /[",\n\r]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}
