/**
 * Issue 18 (task jB): what must not be read as a grant, and the grants that still are (our own sentences). A permission's
 * fixed phrase (the regex form, rules/permission/*.yaml) states no right where the clause reader reads the sentence as
 * something else: the licensor's own acts or rights, a hypothetical, a duty on a condition of acting
 * (src/extract/clause/grant-veto.ts). Each sentence goes alone through the public analyzeText, as `oml analyze` reads a
 * LICENSE file.
 */
import { describe, expect, test } from 'vitest';
import { analyseLicense } from './analyse.js';

const permissions = (text: string): string[] => analyseLicense(text).terms
  .filter((t) => t.origin === 'text' && t.kind === 'permission').map((t) => t.name);

describe('near misses of a permission state none', () => {
  const none = [
    // negations, in several wordings
    'You are not permitted to run the weights.',
    'No licence is granted to copy or share the checkpoints.',
    'Neither copying nor distribution of the checkpoints is authorised.',
    'Under no circumstances may you resell the model.',
    'This licence does not give you the right to modify the weights.',
    'Licensee is granted no right to sublicense.',
    // rights the licensor keeps or uses, the licensor's duties
    'Acme reserves all rights to use, copy, modify and distribute the Model.',
    'The Licensor retains the exclusive right to modify and distribute the weights.',
    'We may use, reproduce and distribute the model internally.',
    'The Company will make modifications to the model as needed.',
    'The Licensor shall make the Model available for download.',
    'We may modify these terms at any time.',
    // hypotheticals, questions, headings, definitions, disclaimers
    'Whether you may modify the model depends on your agreement with us.',
    'If you were allowed to distribute the model, you would need to keep this notice.',
    'Can I redistribute the weights?',
    'Permission to Use, Modify and Distribute',
    '"Distribute" means to make copies of the Model available to a third party.',
    'The Licensor is not liable for any use, modification or distribution of the Model.',
    // a duty on a condition of acting presupposes the act, it grants nothing
    'If you modify the weights, you must say so in the file.',
    'If you modify the Acme weights to build a derivative, you must mark what you changed.',
    'When you distribute the model, include a copy of this license.',
    'Before you distribute the checkpoints, you must remove any personal data.',
    // another party's rights, the outputs only
    'We may use, copy and distribute your feedback without restriction.',
    'Your customers may run the model through your app.',
    'You may use the outputs for any purpose.',
    // a ban or a licence asked for
    'You agree that you will not distribute the model.',
    'Commercial use requires a paid licence.',
  ];
  test.each(none)('%s', (s) => { expect(permissions(s)).toEqual([]); });
});

describe('grants still state their permissions', () => {
  const cases: Array<[string, string[]]> = [
    ['Researchers may use the model for any purpose.', ['use']],
    ['Academic Institutions may modify the model.', ['modify']],
    ['Licensee may use, reproduce and distribute the Model.', ['use', 'distribute']],
    ['The weights may be copied, modified and shared.', ['modify', 'distribute']],
    ['Redistribution and use in binary form, with or without modification, are permitted provided that this notice is kept.', ['use', 'distribute', 'modify']],
    ['Acme hereby grants you a licence to use, copy and modify the Model.', ['use', 'modify']],
    ['You may quantise, prune or distil the weights.', ['modify']],
    ['The Licensee may sublicense its rights.', ['sublicense']],
    ['Each contributor grants you a royalty-free patent licence to make, use and sell the work, for patent claims you would otherwise infringe.', ['patent-grant']],
  ];
  test.each(cases)('%s', (s, want) => { expect(permissions(s)).toEqual(expect.arrayContaining(want)); });
});

const obligations = (text: string): string[] => analyseLicense(text).terms
  .filter((t) => t.origin === 'text' && t.kind === 'obligation').map((t) => t.name);

describe('share-alike stated by a ban with an exception, or with no modal word', () => {
  test.each([
    'You must not distribute a derivative under terms other than these.',
    'Redistributed modifications remain subject to this licence.',
    'Fine-tuned versions you pass on stay under this licence.',
  ])('%s', (s) => { expect(obligations(s)).toContain('same-license'); });
  test.each([
    'The model remains subject to this licence.',
    'Your modifications remain yours and are not subject to this licence.',
    'You may license your modifications under any terms you choose.',
    'Derivatives may be released under a different licence.',
  ])('not: %s', (s) => { expect(obligations(s)).not.toContain('same-license'); });
});

describe('notices and the license text named in list items', () => {
  test('a list item names the notice a lead-in keeps ("keep the following:")', () => {
    expect(obligations('If you pass on the model, you must keep the following:\n\ni. a copyright notice;\nii. a notice that points to this licence;')).toContain('retain-notice');
    expect(obligations('If you pass on the model, you must remove the following:\n\ni. a copyright notice;')).not.toContain('retain-notice');
  });
  test('"include the text of this licence" is a copy of the license, not words to show', () => {
    expect(obligations('When you share the weights, you must:\n\na. keep the copyright notice; and\nb. include the text of this licence.')).toContain('include-license');
    expect(obligations('You must include the text "Built with Acme" in your app.')).not.toContain('include-license');
  });
});
