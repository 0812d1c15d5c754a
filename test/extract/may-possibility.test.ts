/**
 * "may not" said of a thing (src/extract/clause/possibility.ts; our own sentences): a possibility only where no one is
 * bound and nothing is done by the licensee ("the filter may not catch every request"); a ban where the thing is the
 * licensee's own work, a harmful use is named, a passive says what is done to it, or a purpose is named. The words are
 * the lexicon's (en.yaml: grant/modal-may, auxiliary/be, quantifier/universal, groups purpose, licensee-work,
 * forbidden-use).
 */
import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../src/index.js';
import { readClause } from '../../src/extract/clause/reader.js';

const terms = (text: string) => analyzeText({ path: 'LICENSE', text, encoding: 'utf-8', bytes: Buffer.byteLength(text), warnings: [] })
  .terms.filter((t) => t.origin === 'text').map((t) => t.name);
const modality = (text: string) => readClause(text).parts[0]?.modality;

describe('"may not" said of a thing', () => {
  const bans: Array<[string, string]> = [
    ['no-trademark-use', 'Derivatives may not imitate the Acme logo.'],
    ['no-trademark-use', 'Fine-tuned variants may not carry the original name.'],
    ['prohibited-uses', 'Model outputs may not depict minors in sexual situations.'],
    ['prohibited-uses', 'Generated images may not impersonate public figures.'],
    ['prohibited-uses', 'The Model may not power military weapons systems.'],
    ['prohibited-uses', 'The Model may not be used to generate spam.'],
    ['non-commercial', 'The Model may not serve commercial customers.'],
    ['no-hosting-service', 'The weights may not be hosted on public servers.'],
    ['territory-exclusion', 'The weights may not leave the European Union.'],
  ];
  test.each(bans)('a ban (%s): %s', (name, sentence) => {
    expect(modality(sentence)).toBe('prohibition');
    expect(terms(sentence)).toContain(name);
  });

  const possibilities = [
    'The guardrails may not catch every harmful request.',
    'The filter may not block all unsafe content.',
    'The Model may not always produce accurate results.',
    'The safety classifier may not detect all misuse.',
    'The Software may not work on all hardware.',
    'The moderation layer may not reliably stop every abusive prompt.',
    'Translations may not capture the nuances of the original.',
  ];
  test.each(possibilities)('a possibility, no term: %s', (sentence) => {
    expect(modality(sentence)).toBeUndefined();
    expect(terms(sentence)).toEqual([]);
  });

  test('a licensee bound still forbids, with a universal or not', () => {
    expect(modality('You may not remove all of the notices.')).toBe('prohibition');
    expect(modality('Licensee may not always rely on the filter to block unsafe content.')).toBe('prohibition');
  });
});
