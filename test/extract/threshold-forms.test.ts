/**
 * Thresholds read by the clause reader in forms the regex rule for revenue used to fit by surface (that rule is gone:
 * the clause form reads every one): currencies beyond the dollar, euro and pound, Indian numbering, one comparator for
 * two figures, "or more" after a parenthetical, a concession ("regardless of whether") that is no hypothetical, a
 * bilingual text's translation, and the two sides of one bound stated in two sentences. Sentences written for this test.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/index.js';
import type { Term } from '../../src/types.js';

type Got = Pick<Term, 'name' | 'value' | 'comparator' | 'period' | 'currency' | 'consequence'>;
function thresholds(text: string): Got[] {
  const r = analyzeText({ path: 'LICENSE', text, encoding: 'utf-8', bytes: Buffer.byteLength(text), warnings: [] });
  return r.terms.filter((t) => t.kind === 'threshold' && t.origin === 'text')
    .map((t) => ({ name: t.name, value: t.value, comparator: t.comparator, period: t.period, currency: t.currency, consequence: t.consequence }));
}
const one = (text: string) => { const got = thresholds(text); expect(got, text).toHaveLength(1); return got[0]!; };

describe('revenue thresholds in more forms', () => {
  const cases: Array<[string, string, number]> = [
    ['Companies generating annual revenues over CHF 3 million must request a license.', 'CHF', 3_000_000],
    ['If your annual revenue exceeds S$5 million you must request a license.', 'SGD', 5_000_000],
    ['If your annual revenue exceeds US$5 million you must request a license.', 'USD', 5_000_000],
    ['If your annual revenue exceeds 5 million Canadian dollars you must request a license.', 'CAD', 5_000_000],
    ['If your annual revenue exceeds HK$40,000,000 you must request a license.', 'HKD', 40_000_000],
    ['Where the annual gross income of the Licensee exceeds INR 50 crore, a separate license is needed.', 'INR', 500_000_000],
    ['If your annual revenue exceeds 20 lakh rupees you must request a license.', 'INR', 2_000_000],
  ];
  for (const [text, currency, value] of cases) {
    it(text, () => {
      expect(one(text)).toMatchObject({ name: 'revenue', value, currency, comparator: '>', period: 'year', consequence: 'license-required' });
    });
  }

  it('"or more" after a parenthetical amount', () => {
    expect(one('"Ceiling" means yearly revenue of 8 million euros (EUR 8,000,000) or more.'))
      .toMatchObject({ name: 'revenue', value: 8_000_000, comparator: '>=', currency: 'EUR', period: 'year' });
  });

  it('a list marker is no parenthetical: "(1) one or more" gives no bound to the number before it', () => {
    expect(thresholds('The Acme 3 release consists of: (1) one or more models (with parameters); and (2) documentation.')).toEqual([]);
  });

  it('one comparator for two figures joined by "or"', () => {
    const got = thresholds('A product with more than 40,000,000 monthly active users or EUR 9,000,000 (or its equivalent) in monthly revenue must show the notice "Made with Acme".');
    expect(got).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'monthly-active-users', value: 40_000_000, comparator: '>' }),
      expect.objectContaining({ name: 'revenue', value: 9_000_000, comparator: '>', currency: 'EUR', period: 'month' }),
    ]));
  });

  it('"regardless of whether" concedes; it does not make the condition hypothetical', () => {
    expect(one('If you earn more than USD 2,000,000 in annual revenue, regardless of whether that revenue comes from the Model, your licence ends and you must request a licence from us.'))
      .toMatchObject({ name: 'revenue', value: 2_000_000, comparator: '>', currency: 'USD' });
  });
  it('near miss: "whether" alone still asks', () => {
    expect(thresholds('We may ask whether your annual revenue exceeds USD 2,000,000.')).toEqual([]);
  });
});

describe('one bound, stated twice', () => {
  it('a bilingual text states the threshold once in each language: one term', () => {
    const got = thresholds('If your annual revenue exceeds USD 30 million, you must request a license from us.\n\n如果您的年收入超过3000万美元，您须向我们申请许可。');
    expect(got.filter((t) => t.name === 'revenue')).toHaveLength(1);
  });
  it('"12个月" is a year', () => {
    expect(one('若被许可方在任意连续12个月内的累计收入超过5亿美元，须向我们申请许可。')).toMatchObject({ name: 'revenue', period: 'year', value: 500_000_000 });
  });
  it('free below the bound in one sentence, a licence above it in another: the bound with its consequence', () => {
    const got = thresholds('This licence keeps the Model free for organisations with annual revenue of less than USD 3,000,000.\n\nIf your annual revenue exceeds USD 3,000,000, you must request a license from us.');
    expect(got).toEqual([expect.objectContaining({ name: 'revenue', value: 3_000_000, comparator: '>', consequence: 'license-required' })]);
  });
  it('two bounds of different values in two sentences both stay', () => {
    const got = thresholds('The Model is free for organisations with annual revenue of less than USD 1,000,000.\n\nIf your annual revenue exceeds USD 3,000,000, you must request a license from us.');
    expect(got.map((t) => t.value).sort()).toEqual([1_000_000, 3_000_000]);
  });
});
