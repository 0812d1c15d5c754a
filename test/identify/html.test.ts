/**
 * An HTML license file is rendered to text before extraction (parse/html-document.ts):
 * terms are read from the rendered words (markup, comments, <head>, <script> and
 * <style> dropped, character references decoded), and evidence points at the
 * input's own line and column. The HTML here is of our own writing; licensee's
 * HTML fixture (the EPL-1.0 page) is read from ../shared when present.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from '../../src/parse/document.js';
import { analyzeText } from '../../src/analyze/index.js';
import { identifyText } from '../../src/identify/identify.js';
import type { SourceText } from '../../src/types.js';
import { ROOT } from './helpers.js';
import { cpuSince } from '../cpu-time.js';

const HTML = `<!DOCTYPE html>
<html>
<head>
  <title>Example Model License</title>
  <style>.x { content: "styled words"; }</style>
  <script>var hidden = "scripted words";</script>
</head>
<body>
<h1>Example Model License &mdash; Version 1.0</h1>
<p>This Example Model License (the &quot;Agreement&quot;) is between Example Labs
   (&quot;Licensor&quot;) and you (&quot;Licensee&quot;).</p>
<ol>
  <li>Licensor grants Licensee a non-exclusive, worldwide, royalty-free license to use,
      reproduce, modify and distribute the Model.</li>
  <li>You may <b>not</b> use the Model or its outputs for any commercial purpose.</li>
  <li>If the monthly active users of your products exceed 100 million, you must request a
      license from Licensor &amp; you may not exercise these rights until granted.</li>
</ol>
<!-- commented words -->
<table><tr><td>Term</td><td>Value</td></tr></table>
<p>This Agreement is governed by the laws of the State of Example.</p>
</body>
</html>
`;

const src = (text: string, p: string): SourceText => ({ path: p, text, encoding: 'utf-8', bytes: Buffer.byteLength(text), warnings: [] });
const lines = HTML.split('\n');

describe('HTML license files', () => {
  it('are parsed into rendered segments: no markup, entities decoded, head/script/style/comments dropped', () => {
    const doc = parseDocument(src(HTML, 'LICENSE.html'));
    const texts = doc.segments.map((s) => s.text);
    expect(texts[0]).toBe('Example Model License — Version 1.0');
    expect(doc.segments[0]).toMatchObject({ kind: 'heading', line: 9, column: 5 });
    expect(texts).toContain('You may not use the Model or its outputs for any commercial purpose.');
    expect(texts.some((t) => t.startsWith('This Example Model License (the "Agreement")'))).toBe(true);
    expect(texts).toContain('Term Value');
    for (const t of texts) expect(t).not.toMatch(/<|&quot;|&amp;|styled|scripted|commented|Example Model License<\/title>/);
    expect(doc.segments.filter((s) => s.kind === 'list-item')).toHaveLength(3);
  });

  it('an HTML text with no .html name is read as HTML too; a markdown file is not', () => {
    expect(parseDocument(src(HTML, 'LICENSE')).segments[0]!.text).toBe('Example Model License — Version 1.0');
    const md = '<div align="center"><p>Logo</p></div>\n\n# Model\n\n<p>a</p><p>b</p>\n';
    expect(parseDocument(src(md, 'README.md')).segments.some((s) => s.kind === 'heading' && s.text === 'Model')).toBe(true);
  });

  it('terms come from the rendered text, their evidence at the input line and column', () => {
    const r = analyzeText(src(HTML, 'LICENSE.html'));
    const find = (name: string) => r.terms.find((t) => t.name === name);
    expect(find('non-commercial')?.evidence).toMatchObject({ path: 'LICENSE.html', line: 15, column: 7, sentence: 'You may not use the Model or its outputs for any commercial purpose.' });
    expect(find('monthly-active-users')).toMatchObject({ kind: 'threshold', value: 100_000_000, evidence: { line: 16, column: 7 } });
    expect(find('governing-law')?.evidence.line).toBe(21);
    for (const t of r.terms.filter((x) => x.origin === 'text')) {
      expect(t.evidence.sentence).not.toMatch(/[<>]|&[a-z]+;/);
      // the input at the evidence position starts with the sentence's first word
      const first = t.evidence.sentence.split(/\s/)[0]!;
      expect(lines[t.evidence.line - 1]!.slice(t.evidence.column - 1).startsWith(first), `${t.name} at ${t.evidence.line}:${t.evidence.column}`).toBe(true);
    }
  });

  const EPL = path.resolve(ROOT, '../shared/peers/licensee/fixtures/html/license.html');
  it.skipIf(!existsSync(EPL))("licensee's HTML license page is identified and its terms quote rendered text", () => {
    const text = readFileSync(EPL, 'utf8');
    const r = analyzeText(src(text, EPL));
    expect(r.license.id).toBe('EPL-1.0');
    const own = r.terms.filter((t) => t.origin === 'text');
    expect(own.map((t) => t.name)).toEqual(expect.arrayContaining(['distribute', 'include-license', 'litigation-termination', 'governing-law']));
    const input = text.split('\n');
    for (const t of own) {
      expect(t.evidence.sentence).not.toMatch(/<\/?[a-z]/i);
      expect(input[t.evidence.line - 1]!.slice(t.evidence.column - 1).startsWith(t.evidence.sentence.split(/\s/)[0]!)).toBe(true);
    }
  });
});

describe('hostile HTML', () => {
  it('deep nesting and a megabyte of tags parse in bounded time without overflowing the stack', () => {
    for (const text of ['<div>'.repeat(100_000) + 'You may not use the Model.', '<p>a</p>'.repeat(125_000), '&amp;'.repeat(200_000)]) {
      const t0 = process.cpuUsage();
      const doc = parseDocument(src(`<!DOCTYPE html><body>${text}</body>`, 'LICENSE.html'));
      expect(cpuSince(t0)).toBeLessThan(15_000);
      expect(doc.segments.length).toBeGreaterThan(0);
    }
    // identification masks the markup of the same input (it used to overflow the stack at a few thousand levels)
    expect(identifyText(`<!DOCTYPE html><body>${'<div>'.repeat(20_000)}You may not use the Model.</body>`, 'LICENSE').match).toBe('unknown');
  }, 60_000);
});

describe('a modified license as HTML', () => {
  it.skipIf(!existsSync(path.resolve(ROOT, '../shared/corpus/licenses/deepseek-r1-mit.txt')))('reports the added passage at its input line, quoting no markup, and reads its term', () => {
    const mit = readFileSync(path.resolve(ROOT, '../shared/corpus/licenses/deepseek-r1-mit.txt'), 'utf8').replace(/\r\n?/g, '\n');
    const paras = mit.split(/\n\n+/);
    paras.splice(3, 0, 'You may not use the Software for any commercial purpose.');
    const html = `<!DOCTYPE html>\n<html><head><title>License</title></head><body>\n${paras.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}</p>`).join('\n')}\n</body></html>\n`;
    const input = html.split('\n');
    const r = analyzeText(src(html, 'LICENSE.html'));
    expect(r.license).toMatchObject({ id: 'MIT', match: 'modified' });
    expect(r.license.additions).toHaveLength(1);
    const a = r.license.additions[0]!;
    expect(a.text).toBe('You may not use the Software for any commercial purpose.');
    expect(input[a.line - 1]).toContain(a.text);
    const nc = r.terms.find((t) => t.name === 'non-commercial');
    expect(nc?.evidence.line).toBe(a.line);
    // the passage is accounted for by the term read at its line: the change is explained, not unknown
    expect(a.explained).toBe(true);
    expect(r.openness.tier).toBe('open-weight-noncommercial');
  });
});
