/** The clause reader's lexicons: every example in data/lexicons/reader/*.yaml yields the concepts it lists; the reader's parts. */
import { describe, expect, test } from 'vitest';
import { readerLexicons } from '../../src/extract/clause/lexicon.js';
import { readClause } from '../../src/extract/clause/reader.js';
import { lemmas, tokenize } from '../../src/extract/clause/tokens.js';

describe('reader lexicon examples', () => {
  for (const lex of readerLexicons().raw) {
    lex.examples.forEach((ex, i) => {
      test(`${lex.language} #${i + 1}: ${ex.text}`, () => {
        const r = readClause(ex.text);
        for (const [category, concepts] of Object.entries(ex.expect)) {
          const got = new Set(r.tags.filter((t) => t.category === category).map((t) => t.concept));
          for (const c of concepts ?? []) expect(got.has(c), `${category}/${c} in ${[...got].join(', ')}`).toBe(true);
        }
      });
    });
  }
});

describe('reader lexicon lists', () => {
  test('no concept lists a phrase twice (a second copy reads nothing new and hides what was meant)', () => {
    const twice: string[] = [];
    for (const lex of readerLexicons().raw) {
      for (const [category, concepts] of Object.entries(lex.categories)) {
        for (const [concept, phrases] of Object.entries(concepts as Record<string, string[]>)) {
          const seen = new Set<string>();
          for (const p of phrases) (seen.has(p) ? twice.push(`${lex.language} ${category}/${concept}: ${p}`) : seen.add(p));
        }
      }
    }
    expect(twice).toEqual([]);
  });
});

describe('reader parts', () => {
  const main = (text: string) => readClause(text).parts.filter((p) => p.role === 'main');
  test('negation makes a grant a prohibition; "not limited to" cancels it', () => {
    expect(main('You may not share the weights.')[0]!.modality).toBe('prohibition');
    expect(main('You may share the weights, including but not limited to by download.')[0]!.modality).toBe('grant');
  });
  test('"no" negates a right, not a fee', () => {
    expect(main('No right to sell the outputs is granted.')[0]!.modality).toBe('prohibition');
    expect(main('No fee is charged for copies.')[0]!.modality).not.toBe('prohibition');
  });
  test('an exception and a condition are parts of their own', () => {
    const roles = readClause('You may not run the model except for study, and if you do, you must register.').parts.map((p) => p.role);
    expect(roles).toContain('exception');
    expect(roles).toContain('condition');
  });
  test('a lead-in lends its modality to its item', () => {
    const parts = readClause('You will not:\n(a) host the weights for others;').parts;
    expect(parts[parts.length - 1]!.modality).toBe('prohibition');
  });
  test('the subject is the actor before the modal word', () => {
    expect(main('We may change these terms.')[0]!.actor).toBe('licensor');
    expect(main('You may use the materials owned by us.')[0]!.actor).toBe('licensee');
  });
  test('a party named in capitalised words the lexicons do not know, before a modal auxiliary, is `named`', () => {
    expect(main('Orrin Labs may modify the Model at any time.')[0]!.actor).toBe('named');
    expect(main('Acme Corp will publish the source of its demo.')[0]!.actor).toBe('named');
    // one capitalised word starts a sentence as often as it names: a kind of person is the licensee's side
    expect(main('Researchers may use the Model.')[0]!.actor).not.toBe('named');
    // a verb that grants is no modal auxiliary: the rights go to "you"
    expect(main('Orrin Labs grants you a license to modify the Model.')[0]!.actor).toBe('licensee');
    // lower case, or a word the lexicons know, is no name
    expect(main('orrin labs may modify the Model.')[0]!.actor).not.toBe('named');
    expect(main('The Licensor may modify the Model.')[0]!.actor).toBe('licensor');
    // never for a ban or a duty: capitalised words as often name a class of licensees (fail closed)
    expect(main('Approved Partners may not sell the Model.')[0]!.actor).not.toBe('named');
    expect(main('Approved Partners must credit Acme in every release.')[0]!.actor).not.toBe('named');
  });
  test('an "only" that names nothing of its own narrows the part before it', () => {
    const parts = readClause('Recipients may run the parameters for research, but for nothing else.').parts;
    expect(parts[0]!.only).toBe(true);
    expect(parts[0]!.qualifiers.has('research')).toBe(true);
    // an "only" part with its own act stays its own
    const own = readClause('You may use the Model, but only the base weights may be hosted.').parts;
    expect(own[0]!.only).toBe(false);
  });
  test('the tokenizer marks words that start with a capital in the text', () => {
    expect(tokenize('Orrin Labs may use it').map((t) => t.cap === true)).toEqual([true, true, false, false, false]);
    expect(tokenize('Éclair Labs may use it')[0]!.cap).toBe(true);
  });
  test('Chinese is segmented with Intl.Segmenter and read with the same categories', () => {
    const p = readClause('您不得将本模型用于商业目的。').parts[0]!;
    expect(p.modality).toBe('prohibition');
    expect(p.qualifiers.has('commercial')).toBe(true);
    expect(tokenize('您不得将本模型用于商业目的。').length).toBeGreaterThan(3);
  });
  test('lemmas: inflected forms map to the lexicon word', () => {
    expect(lemmas('trained')).toContain('train');
    expect(lemmas('serving')).toContain('serve');
    expect(lemmas('shipping')).toContain('ship');
    expect(lemmas('is')).toContain('be');
  });
});

describe('tokenizer', () => {
  test('the character scanner and the ASCII path cut words alike', () => {
    const a = tokenize("You don't sell the model's weights, e.g. v1.5, for 1,000 dollars.").map((t) => t.low);
    const b = tokenize('You don’t sell the model’s weights, e.g. v1.5, for 1,000 dollars — “ok”.').map((t) => t.low);
    expect(b.slice(0, a.length - 1)).toEqual(a.slice(0, -1));
    expect(a).toContain('not');
    expect(a).toContain('1,000');
  });
});
