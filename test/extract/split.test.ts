import { describe, expect, test } from 'vitest';
import { extractTerms } from '../../src/extract/index.js';
import { parseDocument } from '../../src/parse/document.js';
import { splitSentences } from '../../src/parse/sentences.js';
import { docOf } from './helpers.js';

// extractTerms' default splitter is the parse stage's (src/parse/sentences.ts): the one splitter
describe('the sentence splitter as the extract stage uses it', () => {
  test('splits on sentence ends, not after abbreviations, versions or list markers', () => {
    const text = '1. Grant. You may use Acme 3.1 freely, e.g. for apps. The U.S. Government is a user! Really? "Yes" said Acme Inc. No. 5 applies.';
    expect(splitSentences(docOf(text)).map((s) => s.text)).toEqual([
      '1. Grant.', 'You may use Acme 3.1 freely, e.g. for apps.', 'The U.S. Government is a user!', 'Really?', '"Yes" said Acme Inc. No. 5 applies.',
    ]);
  });
  test('"etc." before a capital ends its sentence; before a lowercase word it does not', () => {
    const text = 'Use covers code, weights, etc. You must not sell outputs. It covers tools, etc. and their copies.';
    expect(splitSentences(docOf(text)).map((s) => s.text)).toEqual([
      'Use covers code, weights, etc.', 'You must not sell outputs.', 'It covers tools, etc. and their copies.',
    ]);
  });
  test('exact 1-based line and column across wrapped lines and indentation', () => {
    const text = 'Title\n\n    First sentence here. Second one\nspans lines. Third.\n- item one\n- item two';
    const s = splitSentences(docOf(text));
    const lines = text.split('\n');
    expect(s.map((x) => [x.text, x.line, x.column])).toEqual([
      ['Title', 1, 1], ['First sentence here.', 3, 5], ['Second one\nspans lines.', 3, 26], ['Third.', 4, 14], ['- item one', 5, 1], ['- item two', 6, 1],
    ]);
    for (const x of s) expect(lines[x.line - 1]!.slice(x.column - 1)).toContain(x.text.split('\n')[0]!);
  });
  test('extractTerms without a splitter reads the same sentences as with the parse splitter (markdown evidence quotes the input)', () => {
    // our own wording
    const text = '# Acme Terms\n\nYou may **not** use the Model for commercial purposes, etc. Research use is allowed.\n';
    const doc = parseDocument({ path: 'ACME.md', text, encoding: 'utf-8', bytes: text.length, warnings: [] });
    const dflt = extractTerms(doc);
    expect(dflt.length).toBeGreaterThan(0);
    expect(dflt).toEqual(extractTerms(doc, { split: splitSentences }));
    expect(dflt.map((t) => t.evidence.sentence)).toContain('You may **not** use the Model for commercial purposes, etc.');
  });
});
