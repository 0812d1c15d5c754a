import { describe, expect, it } from 'vitest';
import { basename } from 'node:path';
import { readSourceSync } from '../../src/read/file.js';
import { parseDocument, looksLikeMarkdown } from '../../src/parse/document.js';
import { locate, splitSentences } from '../../src/parse/sentences.js';
import type { ParsedDocument, Segment, SourceText } from '../../src/types.js';
import { corpusFiles } from './corpus.js';

/** True when the source at (line, column) shows `ch` (allowing a backslash escape or an entity there). */
function startsAt(lines: string[], line: number, column: number, ch: string): boolean {
  const from = (lines[line - 1] ?? '').slice(column - 1);
  return from.startsWith(ch) || from.startsWith(`\\${ch}`) || from.startsWith('&');
}

/**
 * Every non-space character of a segment must map (through `locate`) to a
 * source position showing that character, a backslash escape of it or the
 * `&` of a character reference. Returns the first few mismatches.
 */
function characterMismatches(lines: string[], seg: Segment, limit = 5): string[] {
  const bad: string[] = [];
  const t = seg.text;
  for (let k = 0; k < t.length && bad.length < limit; k++) {
    const c = t.charCodeAt(k);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // low surrogate: checked with its pair
    const ch = String.fromCodePoint(t.codePointAt(k)!);
    if (ch.trim() === '') continue;
    const { line, column } = locate(seg, k);
    if (!startsAt(lines, line, column, ch)) {
      bad.push(`${line}:${column} "${ch}" in "${t.slice(Math.max(0, k - 15), k + 15)}" (source "${(lines[line - 1] ?? '').slice(column - 1, column + 14)}")`);
    }
  }
  return bad;
}

/** Segment and sentence positions must point at their own first character in the source. */
function checkPositions(doc: ParsedDocument): void {
  const lines = doc.text.split('\n');
  for (const seg of doc.segments) {
    const ch = String.fromCodePoint(seg.text.codePointAt(0)!);
    expect(startsAt(lines, seg.line, seg.column, ch), `segment ${doc.path}:${seg.line}:${seg.column} should start with "${seg.text.slice(0, 30)}"`).toBe(true);
    for (const e of seg.lineStarts) {
      const c = seg.text.slice(e.offset, e.offset + 2);
      if (c.trim() === '') continue;
      expect(startsAt(lines, e.line, e.column, String.fromCodePoint(c.codePointAt(0)!)), `lineStart ${doc.path}:${e.line}:${e.column}`).toBe(true);
    }
    if (doc.format === 'markdown') expect(characterMismatches(lines, seg), `${doc.path} segment at ${seg.line}:${seg.column}`).toEqual([]);
  }
  for (const s of splitSentences(doc)) {
    expect(s.text).toBe(s.text.trim());
    if (doc.format === 'plain') {
      // plain text: the sentence is quoted verbatim from its first character on
      expect(lines[s.line - 1]!.slice(s.column - 1).startsWith(s.text.split('\n')[0]!), `${doc.path}:${s.line}:${s.column}`).toBe(true);
    } else if (s.source !== undefined) {
      // markdown with markup in the sentence: the input itself (s.source) is quoted from line/column on
      expect(lines[s.line - 1]!.slice(s.column - 1).startsWith(s.source.split('\n')[0]!), `sentence source ${doc.path}:${s.line}:${s.column} "${s.source.slice(0, 30)}"`).toBe(true);
    } else {
      const ch = String.fromCodePoint(s.text.codePointAt(0)!);
      expect(startsAt(lines, s.line, s.column, ch), `sentence ${doc.path}:${s.line}:${s.column} "${s.text.slice(0, 30)}"`).toBe(true);
    }
  }
}

const ENGINES = ['remark', 'fast'] as const;

describe.each(ENGINES)('parseDocument on corpus licenses (%s markdown)', (engine) => {
  const files = corpusFiles('licenses');
  it.each(files.map((f) => [basename(f), f]))('%s', (_n, file) => {
    const src = readSourceSync(file);
    const doc = parseDocument(src, { markdown: engine });
    expect(doc.segments.length).toBeGreaterThan(0);
    expect(doc.text).toBe(src.text);
    if (doc.format === 'plain') {
      // plain segment text is the exact source substring
      const lines = src.text.split('\n');
      for (const seg of doc.segments) {
        const n = seg.text.split('\n').length;
        const slice = lines.slice(seg.line - 1, seg.line - 1 + n).join('\n').slice(seg.column - 1);
        expect(slice.trimEnd()).toBe(seg.text);
      }
    }
    checkPositions(doc);
  });
});

describe('parser routing on corpus licenses', () => {
  const files = corpusFiles('licenses');
  it('takes the plain path for plain text and markdown for marked-up text', () => {
    const pick = (name: string) => files.find((f) => basename(f) === name)!;
    expect(parseDocument(readSourceSync(pick('kimi-k2-modified-mit.txt'))).format).toBe('plain');
    expect(parseDocument(readSourceSync(pick('gpt-oss-apache-2.0.txt'))).format).toBe('plain');
    expect(parseDocument(readSourceSync(pick('mistral-research-license-0.1.txt'))).format).toBe('markdown');
    expect(parseDocument(readSourceSync(pick('llama-3.3-community-license.txt'))).format).toBe('markdown');
  });
});

describe.each(ENGINES)('parseDocument on corpus model cards (%s markdown)', (engine) => {
  const files = corpusFiles('model-cards');
  it.each(files.map((f) => [basename(f), f]))('%s', (_n, file) => {
    const src = readSourceSync(file);
    const doc = parseDocument(src, { markdown: engine });
    expect(doc.format).toBe('markdown');
    if (src.text.startsWith('---')) {
      expect(doc.card).toBeDefined();
      for (const seg of doc.segments) expect(seg.line).toBeGreaterThanOrEqual(doc.card!.bodyLine);
    }
    checkPositions(doc);
  });
});

describe('fast and remark markdown agree on the corpus', () => {
  const md = [...corpusFiles('licenses'), ...corpusFiles('model-cards')].filter((f) => {
    const src = readSourceSync(f);
    return f.endsWith('.md') || looksLikeMarkdown(src.text);
  });
  const words = (d: ParsedDocument) => d.segments.flatMap((s) => s.text.split(/\s+/).filter(Boolean));
  it.each(md.map((f) => [basename(f), f]))('%s', (_n, file) => {
    const src = readSourceSync(file);
    const fast = parseDocument(src, { markdown: 'fast' });
    const remark = parseDocument(src, { markdown: 'remark' });
    const a = words(fast);
    const b = words(remark);
    const bag = new Map<string, number>();
    for (const w of b) bag.set(w, (bag.get(w) ?? 0) + 1);
    let common = 0;
    for (const w of a) { const n = bag.get(w) ?? 0; if (n > 0) { common++; bag.set(w, n - 1); } }
    if (a.length + b.length > 0) expect(common / Math.max(a.length, b.length)).toBeGreaterThan(0.97);
    // headings start on the same lines
    const h = (d: ParsedDocument) => d.segments.filter((s) => s.kind === 'heading').map((s) => s.line);
    expect(h(fast)).toEqual(h(remark));
  });
});

describe('parseDocument on written inputs', () => {
  const src = (text: string, path: string): SourceText => ({ path, text, encoding: 'utf-8', bytes: text.length, warnings: [] });
  it('routes by extension and syntax', () => {
    expect(parseDocument(src('Plain words only.\n', 'LICENSE')).format).toBe('plain');
    expect(parseDocument(src('Plain words only.\n', 'README.md')).format).toBe('markdown');
    expect(parseDocument(src('# Title\n\nText.\n', 'LICENSE')).format).toBe('markdown');
    expect(parseDocument(src('1\\. **Grant.** You may.\n', 'LICENSE')).format).toBe('markdown');
    expect(parseDocument(src('| a | b |\n|---|---|\n', 'LICENSE')).format).toBe('markdown');
  });
  it('attaches card metadata and keeps body line numbers', () => {
    const doc = parseDocument(src('---\nlicense: apache-2.0\n---\n\n# Acme\n\nAcme text here.\n', 'README.md'));
    expect(doc.card?.license).toEqual(['apache-2.0']);
    expect(doc.segments.map((s) => [s.kind, s.line])).toEqual([['heading', 5], ['paragraph', 7]]);
  });
  it('passes limits to the front matter parser', () => {
    const text = '---\na: &a [1, 2]\nb: [*a, *a, *a]\n---\nBody.\n';
    expect(() => parseDocument(src(text, 'README.md'), { limits: { maxYamlAliases: 1 } })).toThrow(expect.objectContaining({ code: 'YAML_ALIAS', file: 'README.md' }));
  });
});
