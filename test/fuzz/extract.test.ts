import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getRules } from '../../src/extract/compile.js';
import { extractTerms } from '../../src/extract/engine.js';
import { parseDocument } from '../../src/parse/document.js';
import { splitSentences } from '../../src/parse/sentences.js';
import type { SourceText, Term } from '../../src/types.js';
import { TermSchema } from '../../src/types.js';
import { params, syntaxText, timed, timeout } from './helpers.js';

const RULES = getRules();
const KEYWORDS = [...new Set(RULES.rules.flatMap((r) => r.rule.keywords))];

const NUMBERS = [
  '1e308', '1E+308', '9'.repeat(400), '999,999,999,999,999,999 billion', '0.0000001 million', '1,000,000,000,000 trillion',
  '700 million', '700,000,000', '100m', '20 million', '1.5bn', '0', '0.0', '-5 million', '1,00,000', '1,2,3', '12,34', '.5 million',
  '1. 000', '10^9', '3 x 10^25', '10²⁵', '٣٠٠ million', '７００ million', 'NaN', 'Infinity', '1_000_000', '1 000 000',
  `${'1,000'.repeat(60)} billion`, '5'.repeat(30) + '.' + '5'.repeat(30) + ' trillion',
];
const GLUE = ['more than', 'at least', 'exceeds', 'over', 'fewer than', 'up to', 'monthly active users', 'daily active users', 'users',
  'US$', '$', 'USD', 'EUR', '€', 'per month', 'per year', 'annual revenue', 'revenue', 'parameters', 'FLOPs', 'in the preceding calendar month',
  'you must request a license', 'shall not', 'Licensee', 'Built with', 'European Union', '.', ',', ';', '\n', '\n\n', ' ', '"', '(', ')'];

/** A threshold-shaped clause: comparator + amount + metric (+ period, consequence), in random order of extras. */
const clause = fc.tuple(
  fc.constantFrom('more than', 'greater than', 'at least', 'exceeds', 'in excess of', 'over', 'no less than'),
  fc.constantFrom(...NUMBERS),
  fc.constantFrom('monthly active users', 'daily active users', 'US dollars in annual revenue', 'FLOPs', 'parameters', 'users'),
  fc.constantFrom('', 'in the preceding calendar month', 'per year', 'per month'),
  fc.constantFrom('', ', you must request a license', ', you must display "Built with Acme"', ', this license terminates'),
).map(([c, n, m, p, q]) => `If you have ${c} ${n} ${m} ${p}${q}`);

const sentence = fc.array(fc.oneof(
  { weight: 4, arbitrary: clause },
  { weight: 3, arbitrary: fc.constantFrom(...KEYWORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 3, arbitrary: fc.constantFrom(...GLUE) },
  { weight: 1, arbitrary: syntaxText(4) },
), { minLength: 1, maxLength: 40 }).map((parts) => parts.join(' '));

const src = (text: string, path: string): SourceText => ({ path, text, encoding: 'utf-8', bytes: Buffer.byteLength(text), warnings: [] });

function extract(text: string, path = 'LICENSE'): Term[] {
  const r = timed(() => extractTerms(parseDocument(src(text, path), { markdown: 'fast' }), { split: splitSentences }));
  expect(r.ms, `took ${r.ms.toFixed(0)} ms`).toBeLessThan(2000);
  if (r.error) throw r.error;
  return r.value!;
}

function checkTerms(terms: Term[], text: string): void {
  const lines = text.split('\n').length;
  for (const t of terms) {
    expect(TermSchema.safeParse(t).success).toBe(true);
    if (t.value !== undefined) {
      expect(typeof t.value).toBe('number');
      expect(Number.isFinite(t.value), `value ${t.value} of ${t.rule}`).toBe(true);
      expect(t.value).toBeGreaterThanOrEqual(0);
    }
    expect(t.evidence.line).toBeGreaterThanOrEqual(1);
    expect(t.evidence.line).toBeLessThanOrEqual(lines);
  }
}

describe('fuzz: extractTerms', () => {
  it('finds rule keywords mixed with adversarial numbers without crashing; numeric values are finite', () => {
    let found = 0;
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 6 }), (sentences) => {
        const text = sentences.join('. ');
        const terms = extract(text);
        found += terms.length;
        checkTerms(terms, text);
      }),
      params(400),
    );
    expect(found).toBeGreaterThan(50); // the generator does reach the rules
  }, timeout(40000));

  it('gives every threshold with a value a finite number for each adversarial amount', () => {
    let thresholds = 0;
    for (const n of NUMBERS) {
      for (const text of [
        `If the monthly active users of your products exceed ${n} monthly active users in the preceding calendar month, you must request a license.`,
        `Companies with annual revenue of more than US$${n} per year must register.`,
        `Models trained with more than ${n} FLOPs require a separate license.`,
      ]) {
        const terms = extract(text);
        checkTerms(terms, text);
        thresholds += terms.filter((t) => t.kind === 'threshold' && t.value !== undefined).length;
      }
    }
    // the templates are real threshold sentences: most amounts must be read as numbers
    expect(thresholds).toBeGreaterThan(NUMBERS.length);
  });

  it('stays fast on a long sentence packed with keywords and numbers', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `${KEYWORDS[i % KEYWORDS.length]} more than ${NUMBERS[i % NUMBERS.length]}`).join(' ');
    const terms = extract(text);
    expect(terms.length).toBeGreaterThan(0);
    checkTerms(terms, text);
  });
});
