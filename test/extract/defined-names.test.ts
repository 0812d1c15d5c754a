/**
 * A name a document defines and the lexicons do not know is read with its definition (src/extract/defined-names.ts).
 * Sentences written for this test.
 */
import { describe, expect, it } from 'vitest';
import { glossDefinedNames } from '../../src/extract/defined-names.js';
import { extractTerms } from '../../src/extract/index.js';
import { docOf } from './helpers.js';

describe('defined names', () => {
  it('a later use of a defined unknown name reads its definition, in the view only', () => {
    const views = ['"Hostile Filing" means a lawsuit claiming that the weights infringe a patent.', 'Your rights end at once if you start a Hostile Filing.'];
    expect(glossDefinedNames(views)[1]).toBe('Your rights end at once if you start a Hostile Filing (a lawsuit claiming that the weights infringe a patent).');
    const terms = extractTerms(docOf(views.join('\n\n')));
    const t = terms.find((x) => x.name === 'litigation-termination');
    expect(t?.evidence.sentence).toBe(views[1]);
  });

  it('without the definition the use states nothing', () => {
    expect(extractTerms(docOf('Your rights end at once if you start a Hostile Filing.')).map((t) => t.name)).not.toContain('litigation-termination');
  });

  it('leaves quoted uses, one-word names, names the lexicons read and glosses that bind or negate as written', () => {
    const keep = (views: string[]) => expect(glossDefinedNames(views)).toEqual(views);
    keep(['"Orchid Chat" means a chat assistant built on the checkpoints.', 'Show "Built with Orchid Chat" on your site.']);
    keep(['"Orchid" means the assistant software from Acme.', 'Orchid may be deployed internally.']);
    keep(['"Commercial Use" means any use for payment.', 'You may not engage in Commercial Use.']);
    keep(['"Open Purpose" means a purpose that is not commercial.', 'You may use the weights for an Open Purpose.']);
    keep(['"Orchid Family" means the large language models released by Acme.', 'You may not use outputs of Orchid Family to harass anyone.']);
  });
});
