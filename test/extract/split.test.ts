import { describe, expect, test } from 'vitest';
import { splitSentences } from '../../src/extract/split.js';
import { docOf } from './helpers.js';

describe('default sentence splitter', () => {
  test('splits on sentence ends, not after abbreviations, versions or list markers', () => {
    const text = '1. Grant. You may use Acme 3.1 freely, e.g. for apps. The U.S. Government is a user! Really? "Yes" said Acme Inc. No. 5 applies.';
    expect(splitSentences(docOf(text)).map((s) => s.text)).toEqual([
      '1. Grant.', 'You may use Acme 3.1 freely, e.g. for apps.', 'The U.S. Government is a user!', 'Really?', '"Yes" said Acme Inc. No. 5 applies.',
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
});
