/**
 * "Nothing in this Licence restricts / requires / limits ..." (src/extract/clause/nothing-frame.ts) and the negated
 * imperative "Don't ..." (parts.ts). Sentences written for this test.
 */
import { describe, expect, it } from 'vitest';
import { extractTerms } from '../../src/extract/index.js';
import { readClause } from '../../src/extract/clause/reader.js';
import { docOf } from './helpers.js';

const names = (s: string) => extractTerms(docOf(s)).map((t) => t.name).sort();
const modalities = (s: string) => readClause(s).parts.map((p) => p.modality ?? 'none');

describe('a ban, a duty or a limit said not to exist', () => {
  it('states no duty, whichever form of the rule finds the words, however the document is named', () => {
    expect(names('Nothing in this Licence requires you to display "Powered by Kestrel" on your service.')).toEqual([]);
    expect(names('Nothing in these Terms of Use shall require the licensee to register with us.')).toEqual([]);
    // (the duty itself still binds)
    expect(names('You must display "Powered by Kestrel" on your service.')).toContain('attribution-display');
  });

  it('states no restriction and no withheld right', () => {
    expect(names('Nothing in this Licence limits any patent licence granted to you under a separate agreement.')).toEqual([]);
    expect(names('Nothing in the Agreement restricts using the outputs to train other models.')).toEqual([]);
    expect(modalities('Nothing in this Licence limits your right to use the Model for research.')).toEqual(['none']);
  });

  it('a ban said not to exist frees the act it names, for any name of the document, but is not the grant of use', () => {
    expect(names('Nothing in this Agreement prevents you from fine-tuning the Model.')).toEqual(['modify']);
    expect(names('Nothing in the Community Licence prevents you from fine-tuning the Model.')).toEqual(['modify']);
    expect(names('Nothing in this Licence prevents you from deploying the Model in production.')).toEqual([]);
  });

  it('a verb too far from "nothing" is not its verb', () => {
    expect(modalities('Nothing in the first, second, third, fourth or fifth version of the terms restricts you.')).not.toContain('grant');
  });
});

describe('a negated imperative', () => {
  it('bans the act, whatever the verb', () => {
    expect(modalities("Don't present the outputs as written by a person.")).toEqual(['prohibition']);
    expect(names("Don't present Outputs as having been written by a human.")).toEqual(['output-restrictions']);
    expect(names('Do not use the Model for commercial purposes.')).toContain('non-commercial');
  });

  it('"do not forget" binds, it bans nothing', () => {
    expect(modalities("Don't forget the badge.")).not.toContain('prohibition');
    expect(names('Don\'t forget the badge: show "Built on Heron" wherever your app lists its technology.')).toEqual(['attribution-display']);
  });

  it('a "do not" inside the sentence is no imperative', () => {
    expect(modalities('We do not present the outputs as written by a person.')).not.toContain('prohibition');
  });
});
