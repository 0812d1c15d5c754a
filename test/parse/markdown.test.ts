import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { parseMarkdownFast } from '../../src/parse/markdown-fast.js';
import { locate, splitSentences } from '../../src/parse/sentences.js';
import type { ParsedDocument, SourceText } from '../../src/types.js';

const src = (text: string, path = 'ACME.md'): SourceText => ({ path, text, encoding: 'utf-8', bytes: text.length, warnings: [] });

// A made-up license in markdown (written for this test).
const FIXTURE = [
  '# Acme Model License', //                                        1
  '', //                                                             2
  '**Acme** grants _you_ a [limited license](https://acme.example/terms).', // 3
  'It is free of charge. Read it all.', //                           4
  '', //                                                             5
  '2\\. **Additional Commercial Terms**. If you exceed 5 million users, ask Acme first.', // 6
  '', //                                                             7
  '* First item, which is short.', //                                8
  '  It continues here.', //                                          9
  '    * Nested **item** text.', //                                 10
  '', //                                                            11
  '> Quoted notice. Keep it.', //                                   12
  '', //                                                            13
  '| Tier | Users |', //                                             14
  '|------|-------|', //                                             15
  '| Free | 5M |', //                                                16
  '', //                                                            17
  '```', //                                                         18
  'code line', //                                                   19
  '```', //                                                         20
  '', //                                                            21
  'Setext Title', //                                                22
  '============', //                                                23
  '', //                                                            24
  '<div>', //                                                       25
  'Html <b>bold</b> words.', //                                     26
  '</div>', //                                                      27
].join('\n');

const lines = FIXTURE.split('\n');
const at = (line: number, column: number) => lines[line - 1]!.slice(column - 1);

describe.each([
  ['fast', parseMarkdownFast],
  ['remark', parseMarkdown],
] as const)('markdown segments (%s)', (_name, parse) => {
  const doc: ParsedDocument = parse(src(FIXTURE));
  const find = (prefix: string) => {
    const s = doc.segments.find((x) => x.text.startsWith(prefix));
    if (!s) throw new Error(`no segment starting with ${prefix}: ${doc.segments.map((x) => x.text).join(' | ')}`);
    return s;
  };

  it('produces plain inline text with kinds and positions', () => {
    expect(doc.format).toBe('markdown');
    const h = find('Acme Model License');
    expect(h).toMatchObject({ kind: 'heading', line: 1, column: 3 });
    const p = find('Acme grants');
    expect(p.kind).toBe('paragraph');
    expect(p.text).toBe('Acme grants you a limited license.\nIt is free of charge. Read it all.');
    expect(p.line).toBe(3);
    expect(p.column).toBe(3);
    const esc = find('2. Additional');
    expect(esc.text.startsWith('2. Additional Commercial Terms. If you exceed')).toBe(true);
    expect(esc.line).toBe(6);
    expect(find('First item').kind).toBe('list-item');
    expect(find('First item').text).toBe('First item, which is short.\nIt continues here.');
    expect(find('Nested item text.')).toMatchObject({ kind: 'list-item', line: 10 });
    expect(find('Quoted notice.')).toMatchObject({ kind: 'blockquote', line: 12, column: 3 });
    expect(find('| Tier |')).toMatchObject({ kind: 'table', line: 14 });
    expect(find('code line')).toMatchObject({ kind: 'code', line: 19, column: 1 });
    expect(find('Setext Title')).toMatchObject({ kind: 'heading', line: 22 });
    const html = doc.segments.find((x) => x.kind === 'html' && x.text.includes('bold'));
    expect(html).toBeDefined();
    expect(html!.text).not.toContain('<b>');
  });

  it('maps every lineStarts entry back to the same text in the source', () => {
    for (const seg of doc.segments) {
      expect(seg.lineStarts.length).toBeGreaterThan(0);
      expect(seg.lineStarts[0]).toMatchObject({ offset: 0, line: seg.line, column: seg.column });
      const spanned = new Set(seg.lineStarts.map((e) => e.line));
      const newlines = seg.text.split('\n').length;
      expect(spanned.size).toBe(newlines);
      for (const e of seg.lineStarts) {
        const word = seg.text.slice(e.offset).match(/^[A-Za-z0-9]+/)?.[0];
        if (word) expect(at(e.line, e.column).startsWith(word)).toBe(true);
      }
    }
  });

  it('places sentences at their exact line and column', () => {
    const sentences = splitSentences(doc);
    const read = sentences.find((s) => s.text === 'Read it all.');
    expect(read).toMatchObject({ line: 4, column: 23 });
    const ifs = sentences.find((s) => s.text.startsWith('If you exceed'))!;
    expect(ifs.line).toBe(6);
    expect(at(ifs.line, ifs.column).startsWith('If you exceed 5 million users')).toBe(true);
    const keep = sentences.find((s) => s.text === 'Keep it.')!;
    expect(at(keep.line, keep.column).startsWith('Keep it.')).toBe(true);
    const cont = sentences.find((s) => s.text === 'It is free of charge.')!;
    expect(cont).toMatchObject({ line: 4, column: 1 });
  });

  it('keeps file line numbers for a body after front matter', () => {
    const text = '---\nlicense: mit\n---\n\nSome **bold** text. Another sentence.\n';
    const d = parse(src(text), 4);
    expect(d.segments).toHaveLength(1);
    expect(d.segments[0]).toMatchObject({ text: 'Some bold text. Another sentence.', line: 5, column: 1 });
    const s = splitSentences(d);
    expect(s[1]).toMatchObject({ text: 'Another sentence.', line: 5, column: 21 });
  });
});

describe('fast inline details', () => {
  const one = (md: string) => parseMarkdownFast(src(md)).segments.map((s) => s.text);
  it('keeps literal asterisks and underscores that are not emphasis', () => {
    expect(one('Use snake_case names and 2*3 math.')).toEqual(['Use snake_case names and 2*3 math.']);
    expect(one('Authors: Li*, Zhang*, Wu.')).toEqual(['Authors: Li*, Zhang*, Wu.']);
    expect(one('**80GB*8 GPUs are required.** Next.')).toEqual(['80GB*8 GPUs are required. Next.']);
  });
  it('handles code spans, autolinks, images, entities, escapes and <br>', () => {
    expect(one('Run `pip install acme` now.')).toEqual(['Run pip install acme now.']);
    expect(one('See <https://acme.example/x> &amp; ![logo](logo.png) \\*not emphasis\\*.')).toEqual(['See https://acme.example/x &  *not emphasis*.']);
    expect(one('First line.<br>Second line.')).toEqual(['First line.\nSecond line.']);
  });
  it('skips link reference definitions and comments', () => {
    expect(one('Text with [ref][r].\n\n[r]: https://acme.example\n\n<!-- hidden\nstill hidden -->\n\nVisible.')).toEqual(['Text with ref.', 'Visible.']);
  });
});

// Made-up inline-heavy markdown: every character of the plain text must map back exactly.
const INLINE = [
  '- &#x1F4E3; Acme &amp; Co \\* note: see https://acme.example/x . Next sentence here.', // 1
  '- \\* Kaggle-like &copy; notice, then `a code` span. Due to load, it is slow.', //      2
  '', //                                                                                    3
  'Mix **bold** and _em_ with [a link](https://acme.example "t") and ![img](i.png) then <b>tag</b> end.', // 4
  'Second line has `code that', //                                                          5
  'wraps` and AT&amp;T text.   ', //                                                         6
  '   Indented continuation &lt;ok&gt; here.', //                                           7
  '', //                                                                                    8
  '> Quote line one &quot;x&quot;.  ', //                                                    9
  '> Quote \\_two\\_ &#169; after.', //                                                      10
].join('\n');

describe.each([
  ['fast', parseMarkdownFast],
  ['remark', parseMarkdown],
] as const)('exact inline positions (%s)', (_name, parse) => {
  const doc = parse(src(INLINE));
  const ilines = INLINE.split('\n');
  const shows = (line: number, column: number, ch: string) => {
    const from = (ilines[line - 1] ?? '').slice(column - 1);
    return from.startsWith(ch) || from.startsWith(`\\${ch}`) || from.startsWith('&');
  };

  it('maps every character of the plain text to its source character', () => {
    expect(doc.segments.map((s) => s.text)).toContain('Mix bold and em with a link and  then tag end.\nSecond line has code that\nwraps and AT&T text.\nIndented continuation <ok> here.');
    const bad: string[] = [];
    for (const seg of doc.segments) {
      for (let k = 0; k < seg.text.length; k++) {
        const c = seg.text.charCodeAt(k);
        if (c >= 0xdc00 && c <= 0xdfff) continue;
        const ch = String.fromCodePoint(seg.text.codePointAt(k)!);
        if (ch.trim() === '') continue;
        const { line, column } = locate(seg, k);
        if (!shows(line, column, ch)) bad.push(`${ch}@${line}:${column}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('places sentences after entities, escapes and code spans exactly', () => {
    const s = splitSentences(doc);
    const pos = (prefix: string) => {
      const hit = s.find((x) => x.text.startsWith(prefix));
      if (!hit) throw new Error(`no sentence ${prefix}: ${s.map((x) => x.text).join(' | ')}`);
      return [hit.line, hit.column];
    };
    expect(pos('Next sentence here.')).toEqual([1, ilines[0]!.indexOf('Next') + 1]);
    expect(pos('Due to load')).toEqual([2, ilines[1]!.indexOf('Due') + 1]);
    expect(pos('Quote line one')).toEqual([9, 3]);
  });
});
