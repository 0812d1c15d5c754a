/**
 * Issue 18 "Why": short licenses of our own (written here from the quoted sentences, not copied from any
 * license) get their grant, their restrictions and a tier, instead of `unknown`.
 */
import { describe, expect, test } from 'vitest';
import { analyseLicense as analyse } from './analyse.js';

const names = (text: string) => analyse(text).terms.filter((t) => t.origin === 'text').map((t) => t.name);

describe('made-up licenses', () => {
  test('an academic grant with a ban on commercial products is non-commercial', () => {
    const text = [
      'Orchid Model License',
      '',
      'Orchid Labs grants you a personal, non-transferable, non-exclusive, royalty-free license to download, run, modify and share the Materials solely for academic research.',
      '',
      'You may not use the Materials, derivatives of the Materials, or their outputs in any commercial product.',
      '',
      'Your rights end automatically if you break any term.',
      '',
    ].join('\n');
    const r = analyse(text);
    const n = r.terms.map((t) => t.name);
    expect(n).toEqual(expect.arrayContaining(['use', 'research-only', 'non-commercial', 'breach-termination']));
    expect(r.openness.tier).toBe('open-weight-noncommercial');
  });

  test('a copy duty, a naming rule and a territory exclusion are read', () => {
    const text = [
      'Heron Weights License',
      '',
      'You may use, copy, modify and distribute the Heron weights for any purpose.',
      '',
      'Ship this license text with every copy.',
      '',
      'The public name of any derivative model must start with the word "Heron".',
      '',
      'No rights are granted under this license to individuals residing in the European Union.',
      '',
    ].join('\n');
    const r = analyse(text);
    const n = r.terms.map((t) => t.name);
    expect(n).toEqual(expect.arrayContaining(['use', 'distribute', 'include-license', 'name-prefix', 'territory-exclusion']));
    expect(r.terms.find((t) => t.name === 'territory-exclusion')?.territories).toEqual(['EU']);
    expect(r.openness.tier).toBe('open-weight-restricted');
  });

  test('a one-line non-commercial license is not permissive', () => {
    const n = names('This license allows only non-commercial use of the model and of its outputs.\n');
    expect(n).toContain('non-commercial');
  });

  test('a permissive grant without restrictions stays free of restrictions', () => {
    const n = names('You may use, copy, modify, sell and distribute the weights for any purpose, including commercial purposes.\n');
    expect(n).toEqual(expect.arrayContaining(['use', 'commercial-use']));
    for (const r of ['non-commercial', 'research-only', 'non-production', 'prohibited-uses']) expect(n).not.toContain(r);
  });
  test('obligations listed under a condition lead-in, quoted display and name texts, registration (written here)', () => {
    const text = [
      'Kestrel Model License',
      '',
      'Kestrel Labs grants you a worldwide, royalty-free license to use, copy, modify and distribute the Kestrel weights.',
      '',
      'When you redistribute the weights or a derivative:',
      '',
      '1. Pass the use restrictions of Section 3 on to everyone who receives the weights from you.',
      '2. Keep every copyright notice as it is.',
      '3. Your product must show the notice \'Made with Kestrel\' to its users.',
      '4. The name of the derivative must be titled so that "Kestrel" is the leading element of the name.',
      '',
      'A copy of this license is to be included with every distribution.',
      '',
      'Your use of the weights is governed by the Kestrel acceptable use policy.',
      '',
      'No commercial deployment may begin until you have registered with Kestrel Labs.',
      '',
    ].join('\n');
    const terms = analyse(text).terms.filter((t) => t.origin === 'text');
    const n = terms.map((t) => t.name);
    expect(n).toEqual(expect.arrayContaining(['pass-through-restrictions', 'retain-notice', 'attribution-display', 'name-prefix', 'include-license', 'comply-with-use-policy', 'registration-required']));
    expect(terms.find((t) => t.name === 'attribution-display')?.text).toBe('Made with Kestrel');
    expect(terms.find((t) => t.name === 'name-prefix')?.text).toBe('Kestrel');
  });
});
