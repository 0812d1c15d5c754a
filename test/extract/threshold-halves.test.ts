/**
 * One sentence that states two opposite conditions on the same metric ("if ... does not exceed N, ...; if ... is
 * greater than N, you must request a license", "未超过 ...；超过 ...") is read as two thresholds, each with its own
 * comparator and consequence; a license phrase led by "deemed" / "视为" is the license the text grants, not a
 * consequence (src/extract/clause/halves.ts, the deemed mask of src/extract/request.ts). Sentences written for this test.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { extractTerms } from '../../src/extract/index.js';
import { makeNormalizers } from '../../src/extract/normalize.js';
import { NormalizeTablesSchema } from '../../src/extract/schema.js';
import { parseDocument } from '../../src/parse/document.js';
import { splitSentences } from '../../src/parse/sentences.js';
import type { Term } from '../../src/types.js';

function thresholds(text: string): Array<Pick<Term, 'value' | 'comparator' | 'consequence'>> {
  const doc = parseDocument({ path: 'made-up.txt', text, encoding: 'utf-8', bytes: Buffer.byteLength(text), warnings: [] });
  return extractTerms(doc, { split: splitSentences }).filter((t) => t.kind === 'threshold')
    .map((t) => ({ value: t.value, comparator: t.comparator, consequence: t.consequence }))
    .sort((a, b) => String(a.comparator).localeCompare(String(b.comparator)));
}

describe('a sentence with two halves sets two thresholds', () => {
  it('English: "does not exceed" grants, "is greater than" asks for a license', () => {
    const got = thresholds('If the monthly active users of your services do not exceed 50 million in the preceding month, registering with Acme is deemed to be the commercial license; if the monthly active users of your services are greater than 50 million, you must request a license from Acme.');
    expect(got).toEqual([
      { value: 50_000_000, comparator: '<=', consequence: undefined },
      { value: 50_000_000, comparator: '>', consequence: 'license-required' },
    ]);
  });
  it('revenue, and the grant in words the table reads as a license: "deemed to have obtained the commercial license"', () => {
    const got = thresholds('Where your annual revenue is no more than USD 2 million, you will be deemed to have obtained a commercial license; where your annual revenue exceeds USD 2 million, you must obtain a separate license.');
    expect(got).toEqual([
      { value: 2_000_000, comparator: '<=', consequence: undefined },
      { value: 2_000_000, comparator: '>', consequence: 'license-required' },
    ]);
  });
  it('Chinese: 未超过 ... 视为获得商业许可；超过 ... 申请许可', () => {
    const got = thresholds('若您的产品的月活跃用户数未超过5000万，则您完成登记后将被视为获得相应的商业许可；若您的产品的月活跃用户数超过5000万，则您必须向许可方申请许可。');
    expect(got).toEqual([
      { value: 50_000_000, comparator: '<=', consequence: undefined },
      { value: 50_000_000, comparator: '>', consequence: 'license-required' },
    ]);
  });
  it('one limit restated in both halves stays one threshold', () => {
    const got = thresholds('Your monthly active users must not exceed 10 million; if your monthly active users exceed 10 million, you must obtain a license from us.');
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ value: 10_000_000, comparator: '>', consequence: 'license-required' });
  });
  it('a half with no number of its own adds nothing', () => {
    const got = thresholds('If your monthly active users exceed 10 million, you must obtain a license from us; monthly active users are counted per calendar month.');
    expect(got).toEqual([{ value: 10_000_000, comparator: '>', consequence: 'license-required' }]);
  });
});

describe('a license deemed obtained is no license-required consequence', () => {
  const tables = NormalizeTablesSchema.parse(parse(readFileSync(path.resolve(__dirname, '../../rules/_normalize.yaml'), 'utf8')));
  const norm = makeNormalizers(tables);
  it.each([
    'your registration will be deemed to have obtained the corresponding commercial license',
    '您完成登记后将被视为获得相应的商业许可',
  ])('%s', (s) => {
    expect(norm.consequence(s)).toBeUndefined();
  });
  it.each([
    'you must obtain a commercial license from us',
    'you are deemed a large user, and a commercial license is required',
    '超过该数量的，须取得商业许可',
  ])('a request stays a request: %s', (s) => {
    expect(norm.consequence(s)).toBe('license-required');
  });
});
