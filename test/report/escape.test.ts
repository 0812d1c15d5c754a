/**
 * Untrusted strings in reports (issue 11): rendered by a real CommonMark + GFM
 * renderer (micromark with the GFM extensions, raw HTML allowed so that any
 * HTML that got through would show as a tag), no link, image, HTML, extra
 * table cell or mention can come from input; the text form has no raw control
 * or format character. Property tests over a hostile alphabet.
 */
import fc from 'fast-check';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { cap, escapeText, mdCode, mdText } from '../../src/report/escape.js';

const render = (md: string) => micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });

const decode = (html: string) => html
  .replace(/<[^>]*>/g, '')
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');

/** Pieces attackers use: markdown and HTML syntax, GitHub references, control and bidi characters. */
const PIECES = ['[', ']', '(', ')', '!', '<', '>', '`', '``', '|', '\\', '*', '_', '~', '#', '@', '&', ';', ':', '/', '.', '"', "'", '-', '=',
  'http://evil.example/x.png', 'www.evil.example', 'mailto:a@b.c', 'a@b.example', '@octocat', '#12', '&amp;', '&#60;', '<img src=x>', '<a href=x>', '<!--',
  '\r', '\n', '\r\n', '\t', '\x1b[2J', '\x1b]8;;http://e\x1b\\', '\u202e', '\u200b', '\u2028', '\u00ad', '\ufeff', ' ', 'word', 'PASS', 'é', '😀'];
const hostile = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((a) => a.join(''));

const TAGS = /<\/?([a-z0-9]+)/g;
const tagsOf = (html: string) => [...html.matchAll(TAGS)].map((m) => m[1]);

describe('escapeText', () => {
  it('leaves no control, format or separator character and no line break', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), hostile, (a, b) => {
      const out = escapeText(a + b);
      expect(out).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u);
    }), { numRuns: 400 });
  });
  it('shows what it escaped', () => {
    expect(escapeText('a\x1b[2Jb\rc\u202ed')).toBe('a\\x1b[2Jb\\rc<U+202E>d');
  });
});

describe('markdown: untrusted text in a GFM table cell', () => {
  it('forms exactly one cell, no tag but <td>, and reads back as the escaped text', () => {
    fc.assert(fc.property(hostile, (s) => {
      const html = render(`| h |\n| --- |\n| ${mdText(s)} |\n`);
      const body = html.slice(html.indexOf('<tbody>'));
      expect(body.match(/<td>/g)?.length ?? 0).toBe(1);
      expect(tagsOf(body).filter((t) => !['tbody', 'tr', 'td', 'table'].includes(t!))).toEqual([]);
      const cell = decode(body.slice(body.indexOf('<td>') + 4, body.indexOf('</td>')));
      expect(cell).toBe(escapeText(s).replace(/([@#])(?=[\p{L}\p{N}_])/gu, '$1\u200b').trim());
      // no GitHub mention or issue reference can form: every @ or # before a word character is broken
      expect(cell).not.toMatch(/[@#][\p{L}\p{N}_]/u);
    }), { numRuns: 600 });
  });

  it('in a code span: one cell, one <code>, content verbatim (escaped controls), no breakout', () => {
    fc.assert(fc.property(hostile, (s) => {
      const html = render(`| h |\n| --- |\n| ${mdCode(s)} |\n`);
      const body = html.slice(html.indexOf('<tbody>'));
      expect(body.match(/<td>/g)?.length ?? 0).toBe(1);
      expect(tagsOf(body).filter((t) => !['tbody', 'tr', 'td', 'table', 'code'].includes(t!))).toEqual([]);
      const code = body.match(/<code>([\s\S]*)<\/code>/);
      if (s.includes('|')) return; // rendered as escaped text (checked above: one cell, no tag)
      expect(code, body).not.toBeNull();
      const inner = decode(code![1]!);
      expect(inner).toBe(escapeText(s) || ' ');
    }), { numRuns: 600 });
  });

  it('in a list item or quote (outside a table): no link, image, HTML or nested block', () => {
    fc.assert(fc.property(hostile, (s) => {
      const html = render(`- ${mdCode(s, false)}: ${mdText(s)}\n`);
      expect(tagsOf(html).filter((t) => !['ul', 'li', 'code'].includes(t!))).toEqual([]);
      const start = render(`- ${mdText(s.replace(/\s+/g, ' ').trim())}\n\n> ${mdText(s.replace(/\s+/g, ' ').trim())}\n`);
      expect(tagsOf(start).filter((t) => !['ul', 'li', 'blockquote', 'p'].includes(t!))).toEqual([]);
    }), { numRuns: 400 });
  });
});

describe('cap', () => {
  it('caps at the length and never splits a surrogate pair', () => {
    expect(cap('a'.repeat(10), 5)).toHaveLength(5);
    const s = cap(`${'a'.repeat(3)}😀😀`, 5);
    expect(s.length).toBeLessThanOrEqual(5);
    expect(s).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
