/** The Aho-Corasick keyword prefilter finds exactly what a naive search finds. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { buildKeywords, scanKeywords } from '../../src/extract/keywords.js';

/** Every keyword occurring in text: lowercased, whitespace runs read as one space. */
function naive(keywords: string[], text: string): number[] {
  const norm = text.toLowerCase().replace(/[\t\n\v\f\r \u00a0\u2028\u2029]+/g, ' ');
  return keywords.map((k, i) => (norm.includes(k) ? i : -1)).filter((i) => i >= 0);
}

function scanned(keywords: string[], text: string): number[] {
  const a = buildKeywords(keywords);
  const got = new Set<number>();
  scanKeywords(a, text, (k) => got.add(k));
  return [...got].sort((x, y) => x - y);
}

describe('keyword automaton', () => {
  const words = ['use', 'use policy', 'prohibited use', 'monthly active user', 'don’t use', 'sublicens', 'ab', 'bab', 'abc'];

  test('overlapping, nested and line-broken keywords', () => {
    expect(scanned(words, 'Any Prohibited\n   Use Policy applies.')).toEqual([0, 1, 2]);
    expect(scanned(words, 'more than 1 monthly\nactive users')).toEqual([0, 3]); // "users" holds "use"
    expect(scanned(words, 'Please DON’T USE it')).toEqual([0, 4]);
    expect(scanned(words, 'babc')).toEqual([6, 7, 8]);
    expect(scanned(words, 'nothing here')).toEqual([]);
  });

  test('agrees with a naive search on random text (fixed seed)', () => {
    const alphabet = fc.constantFrom(...'abcusepolicy ’\n\t\u00e9ABCUSE'.split(''));
    fc.assert(fc.property(
      fc.array(fc.string({ unit: alphabet, minLength: 1, maxLength: 6 }).map((k) => k.toLowerCase().replace(/\s+/g, ' ').trim()).filter((k) => k.length > 0), { minLength: 1, maxLength: 12 }),
      fc.string({ unit: alphabet, maxLength: 80 }),
      (kws, text) => {
        const keywords = [...new Set(kws)];
        expect(scanned(keywords, text)).toEqual(naive(keywords, text));
      },
    ), { seed: 7, numRuns: 2000 });
  });
});
