/**
 * A negated relative clause after a grant is what the grant leaves out (src/extract/clause/relative.ts; our own
 * sentences): its negation does not turn the grant into a ban ("you may use the Model commercially in ways that do not
 * harm others" restricts nothing), and what it names is excepted ("for research that does not involve commercial use"
 * is still non-commercial). A clause with a modal word of its own, a ban before it, or a marker's "that" is unchanged.
 */
import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../src/index.js';
import { readClause } from '../../src/extract/clause/reader.js';

const terms = (text: string) => analyzeText({ path: 'LICENSE', text, encoding: 'utf-8', bytes: Buffer.byteLength(text), warnings: [] })
  .terms.filter((t) => t.origin === 'text' && t.kind === 'restriction').map((t) => t.name);

describe('a negated relative clause after a grant', () => {
  const noBan = [
    'You may use the Model commercially in ways that do not harm others.',
    'You may use the Model for any purpose that does not violate the law.',
    'You may use the outputs for any purpose that is not illegal.',
    'Licensee may run the weights in production for services which do not target children.',
    'You may deploy the Model for research projects that are not funded by the military.',
  ];
  test.each(noBan)('no restriction: %s', (sentence) => {
    expect(terms(sentence)).toEqual([]);
    expect(readClause(sentence).parts[0]?.modality).toBe('grant');
  });

  test('what the clause names is excepted from the grant', () => {
    expect(terms('You may use the Model for research that does not involve commercial use.')).toContain('non-commercial');
    expect(readClause('You may use the Model for research that does not involve commercial use.').parts.map((p) => p.role)).toEqual(['main', 'exception']);
  });

  test('bans and clauses of their own are unchanged', () => {
    expect(terms('You agree that you will not use the Model for commercial purposes.')).toContain('non-commercial');
    expect(terms('You may not use the Model for purposes that are commercial.')).toContain('non-commercial');
    expect(readClause('You may not distribute the Model to anyone who has not agreed to these terms.').parts[0]?.modality).toBe('prohibition');
    expect(readClause('You may use the Model, provided that you do not sell it.').parts.map((p) => p.role)).toEqual(['main', 'condition']);
  });
});
