/**
 * Fail closed on withheld rights and re-imposed restrictions (issue 18, our own sentences): a right the license says it
 * does not give ("nothing in this license permits commercial use", "the rights granted do not include commercial use") is
 * a restriction, and so is a ban stated in an exception to a negated limit ("restrictions ... do not apply, except that you
 * may not sell the Model"). Such a license must not tier as permissive, nor answer `allowed` for a commercial profile.
 * Near misses (a negated ban, a negated restriction, a permission) keep the permissive reading.
 */
import { describe, expect, test } from 'vitest';
import { analyseParas, expectRestricted as restricted, termNames as names } from './restricted.js';

const GRANT = 'Orchard Labs grants you a worldwide, royalty-free license to use, copy and modify the Orchard model weights (the "Model").';

const analyse = (...lines: string[]) => analyseParas(GRANT, ...lines);

/** The grant plus `sentence` states `name`, does not tier permissive and does not answer `allowed`. */
const expectRestricted = (name: string, sentence: string) => restricted(analyse(sentence), name);

describe('a right withheld is a restriction', () => {
  const withheld: Array<[string, string]> = [
    ['non-commercial', 'Nothing in this license permits commercial use.'],
    ['non-commercial', 'Nothing in these terms authorizes you to use the Model for commercial purposes.'],
    ['non-commercial', 'This agreement does not permit any commercial exploitation of the Model.'],
    ['non-commercial', 'The rights granted above do not include commercial use.'],
    ['non-commercial', 'No right to sell the Model or its derivatives is granted to you.'],
    ['non-commercial', 'This licence gives you no permission to use the Model in a paid product.'],
    ['non-production', 'Nothing in this license allows you to run the Model in a production environment.'],
    ['no-hosting-service', 'This license does not permit you to offer the Model as a hosted service.'],
    ['territory-exclusion', 'Nothing in this agreement authorizes use of the Model in the European Union.'],
    ['non-commercial', 'Commercial use of the Model falls outside the scope of this license.'],
    ['non-production', 'Running the Model in production is outside the scope of the rights granted.'],
    ['research-only', 'Any use other than research is outside the scope of this agreement and is not permitted.'],
  ];
  test.each(withheld)('%s: %s', expectRestricted);

  test('"You may use the Model for research. Nothing in this license permits commercial use." is non-commercial', () => {
    const r = analyseParas('You may use the Model for research. Nothing in this license permits commercial use.');
    expect(names(r)).toContain('non-commercial');
    expect(r.openness.tier).toBe('open-weight-noncommercial');
    expect(r.commercialUse?.verdict).not.toMatch(/^allowed/);
  });
});

describe('an exception inside a negated limit re-imposes a restriction', () => {
  const reimposed: Array<[string, string]> = [
    ['non-commercial', 'Restrictions on commercial use found in other licenses do not apply to the Model, except that you may not sell the Model.'],
    ['non-commercial', 'There are no limits on how you use the Model, other than that you may not use it for commercial purposes.'],
    ['non-commercial', 'No restriction applies to your use, save that you must not resell the Model.'],
    ['non-commercial', 'The commercial limits of earlier versions are lifted, except that the Model may not be offered for sale.'],
    ['non-commercial', 'You may do anything you like with the Model except sell it.'],
    ['non-commercial', 'You may use the Model for any purpose, except that you may not sell it.'],
    ['non-production', 'None of the usual limits apply to the Model, except that it may not be used in production.'],
    ['no-hosting-service', 'You may use the Model freely, except that you may not host it as a service for third parties.'],
  ];
  test.each(reimposed)('%s: %s', expectRestricted);
});

describe('near misses stay permissive', () => {
  const permissive = [
    'Nothing in this license restricts commercial use.',
    'Nothing in this license prevents you from using the Model commercially.',
    'This license does not prohibit commercial use.',
    'You are not prohibited from using the Model for commercial purposes.',
    'No separate license is required for commercial use.',
    'Restrictions on commercial use found in other licenses do not apply to the Model.',
    'Restrictions found in other licenses do not apply to the Model, except that you must keep the copyright notices.',
    'You may not sell the outputs of the Model as a standalone dataset, but you may sell products built with the Model.',
    'Questions about commercial use are outside the scope of this FAQ.',
    'The prohibitions of Section 3 do not apply to commercial use of the Model.',
  ];
  test.each(permissive)('%s', (sentence) => {
    const r = analyse(sentence);
    expect(names(r)).not.toContain('non-commercial');
    expect(names(r)).not.toContain('non-production');
  });
});

describe('"may not" said of a thing still forbids when it names a purpose', () => {
  // the "may not catch every harmful request" reading (what may happen) must not drop a ban with a qualifier
  test('"The Model may not serve commercial customers." is non-commercial', () => {
    expectRestricted('non-commercial', 'The Model may not serve commercial customers.');
  });
});
