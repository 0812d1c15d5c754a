import { describe, expect, it } from 'vitest';
import { parsePlain } from '../../src/parse/plain.js';
import { sentenceRanges, splitSentences, locate } from '../../src/parse/sentences.js';
import type { SourceText } from '../../src/types.js';

const src = (text: string): SourceText => ({ path: 'ACME.txt', text, encoding: 'utf-8', bytes: text.length, warnings: [] });
const split = (t: string) => sentenceRanges(t).map(([a, b]) => t.slice(a, b));

describe('sentenceRanges', () => {
  it('splits on . ? ! followed by a sentence start', () => {
    expect(split('Acme grants a license. May you sublicense? No! "Quoted" starts here. 5 users max.'))
      .toEqual(['Acme grants a license.', 'May you sublicense?', 'No!', '"Quoted" starts here.', '5 users max.']);
  });

  it('does not split on abbreviations, decimals or lowercase continuations', () => {
    const t = 'Use it, e.g. For research, i.e. Not commercial, in the U.S. Or elsewhere. Acme Inc. Provides it under Sec. 3 and No. 5 of version 3.1 with 1.5 billion users. Ends here.';
    expect(split(t)).toEqual([
      'Use it, e.g. For research, i.e. Not commercial, in the U.S. Or elsewhere.',
      'Acme Inc. Provides it under Sec. 3 and No. 5 of version 3.1 with 1.5 billion users.',
      'Ends here.',
    ]);
    expect(split('It ends. then continues in lower case.')).toEqual(['It ends. then continues in lower case.']);
  });

  it('never splits on semicolons', () => {
    expect(split('You may copy; You may not sell.')).toEqual(['You may copy; You may not sell.']);
  });

  it('keeps list markers with their item and splits before a new item line', () => {
    expect(split('a. Grant of Rights. You may use it.\nb. Redistribution. Keep notices.'))
      .toEqual(['a. Grant of Rights.', 'You may use it.', 'b. Redistribution.', 'Keep notices.']);
    expect(split('1. Definitions.\n(i) The Model means weights.\n(ii) Outputs means results.'))
      .toEqual(['1. Definitions.', '(i) The Model means weights.', '(ii) Outputs means results.']);
    expect(split('1.2. Acceptance. By using it you agree.')).toEqual(['1.2. Acceptance.', 'By using it you agree.']);
  });

  it('splits on blank lines and keeps wrapped lines together', () => {
    expect(split('First part without end\n\nSecond part')).toEqual(['First part without end', 'Second part']);
    expect(split('A sentence that wraps\nonto the next line. Then another.')).toEqual(['A sentence that wraps\nonto the next line.', 'Then another.']);
  });

  it('handles closing quotes and parentheses after the period', () => {
    expect(split('He said "stop." Then left. (See Annex A.) The end.')).toEqual(['He said "stop."', 'Then left.', '(See Annex A.)', 'The end.']);
  });
});

describe('splitSentences', () => {
  it('gives the exact source line and column of each sentence', () => {
    const text = 'Acme Model License\n\n  Acme grants you rights. You must keep\nthis notice. Acme Inc. Decides.\n';
    const doc = parsePlain(src(text));
    const s = splitSentences(doc);
    expect(s.map((x) => [x.text, x.line, x.column, x.segment])).toEqual([
      ['Acme Model License', 1, 1, 0],
      ['Acme grants you rights.', 3, 3, 1],
      ['You must keep\nthis notice.', 3, 27, 1],
      ['Acme Inc. Decides.', 4, 14, 1],
    ]);
    const lines = text.split('\n');
    for (const x of s) expect(lines[x.line - 1]!.slice(x.column - 1).startsWith(x.text.split('\n')[0]!)).toBe(true);
  });

  it('locate maps offsets through lineStarts', () => {
    const doc = parsePlain(src('ab\ncd'));
    expect(locate(doc.segments[0]!, 3)).toEqual({ line: 2, column: 1 });
    expect(locate(doc.segments[0]!, 1)).toEqual({ line: 1, column: 2 });
  });
});

describe('markdown sentences keep the input for evidence', () => {
  it('source is the exact input (markup included) at the reported line and column; text is what rules read', async () => {
    const { parseDocument } = await import('../../src/parse/document.js');
    const text = '# Acme terms\n\nIf you run Acme, you accept this **Acme Use Policy** (the “_Policy_”). See [the site](https://acme.example) for more.\n\n- **Notice:** keep a copy of this file.\n';
    const doc = parseDocument({ path: 'ACME.md', text, encoding: 'utf-8', bytes: text.length, warnings: [] });
    const sentences = splitSentences(doc);
    const lines = text.split('\n');
    const policy = sentences.find((s) => s.text.startsWith('If you run'))!;
    expect(policy.text).toBe('If you run Acme, you accept this Acme Use Policy (the “Policy”).');
    expect(policy.source).toBe('If you run Acme, you accept this **Acme Use Policy** (the “_Policy_”).');
    const link = sentences.find((s) => s.text.startsWith('See'))!;
    expect(link.source).toBe('See [the site](https://acme.example) for more.');
    const notice = sentences.find((s) => s.text.startsWith('Notice'))!;
    expect(notice.source).toBe('**Notice:** keep a copy of this file.');
    for (const s of sentences) {
      const quoted = (s.source ?? s.text).split('\n')[0]!;
      expect(lines[s.line - 1]!.slice(s.column - 1, s.column - 1 + quoted.length)).toBe(quoted);
    }
  });
});
