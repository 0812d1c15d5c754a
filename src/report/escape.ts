/**
 * One escaping function per report format for untrusted strings (card text,
 * license passages, file names). Minimal version: the "hostile" branch may
 * bring a fuller one; keep the names.
 *
 * escapeText: control, format and bidi characters become visible \u{...}
 * escapes, so a message can neither forge report lines nor hide text.
 * escapeMarkdown: escapeText, then markdown/HTML-active characters escaped
 * (safe in a table cell or a list item, outside code spans).
 */

// C0/C1 controls (tab, newline included), soft hyphen, zero-width and bidi controls,
// line/paragraph separators, word joiner .. invisible operators, BOM.
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

export function escapeText(s: string): string {
  return s.replace(INVISIBLE, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

const MD_ACTIVE = /[\\`*_[\]|#~!]/g;

export function escapeMarkdown(s: string): string {
  return escapeText(s)
    .replace(MD_ACTIVE, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
