/**
 * Who a negated sentence binds when its subject is not the licensee (src/extract/clause/withheld.ts; our own sentences):
 * the licensor withholding a permission forbids it to the licensee; a party stating its own conduct binds nobody.
 */
import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../src/index.js';

const terms = (text: string) => analyzeText({ path: 'LICENSE', text, encoding: 'utf-8', bytes: Buffer.byteLength(text), warnings: [] })
  .terms.filter((t) => t.origin === 'text' && t.kind === 'restriction').map((t) => t.name);

describe('the licensor withholding a permission', () => {
  test.each([
    ['The Licensor does not permit commercial use of the Model.', 'non-commercial'],
    ['We do not permit commercial use of the Model.', 'non-commercial'],
    ["We don't allow you to host the Model for others.", 'no-hosting-service'],
    ['The Company does not authorize any commercial use.', 'non-commercial'],
    ['Licensor does not grant you any right to use the Model commercially.', 'non-commercial'],
    ['Acme does not permit commercial use of the Model.', 'non-commercial'],
  ])('forbids it to the licensee: %s', (sentence, term) => {
    expect(terms(sentence)).toContain(term);
  });
});

describe('a party stating its own conduct', () => {
  test.each([
    'We will not sell your data.',
    'Orca does not license, sell or deliver the model weights to anyone.',
    'Acme does not offer the Model as a hosted service.',
    'Kestrel Labs will never host the weights for you.',
  ])('binds nobody else: %s', (sentence) => {
    expect(terms(sentence)).toEqual([]);
  });
  test.each([
    ['Researchers do not have permission to sell the Model.', 'non-commercial'],
    ['Students do not get the right to use the Model commercially.', 'non-commercial'],
    ['Hobbyists will not deploy the Model in production.', 'non-production'],
    ['A student does not have the right to sell the Model.', 'non-commercial'],
    // a class of licensees in capitalised words is no party of its own when it is forbidden something
    ['Approved Partners may not sell the Model.', 'non-commercial'],
    ['Approved Partners must not host the Model for third parties.', 'no-hosting-service'],
  ])('short of a named party speaking of itself, it still forbids (fail closed): %s', (sentence, term) => {
    expect(terms(sentence)).toContain(term);
  });
  test('a deontic modal still forbids: "Acme may not sell the weights."', () => {
    expect(terms('Acme may not sell the weights.')).toContain('non-commercial');
  });
});
