/**
 * Issue 18, tiers of whole licenses we wrote ourselves (invented licensors and models, our own words): a hosted-only
 * service is `closed`, a permissive grant with a naming rule is `open-weight-restricted` (DESIGN: naming rules are a
 * restriction), an OpenRAIL-style grant with use-based restrictions passed on to recipients is restricted.
 */
import { describe, expect, test } from 'vitest';
import { analyseLicense } from '../extract/analyse.js';

function analyse(lines: string[]) {
  return analyseLicense(lines.join('\n\n') + '\n');
}

const HOSTED_TAIL = [
  'You may not reverse engineer the Service or resell access to it.',
  'As between you and Nimbus, you own the outputs you generate through the Service.',
  'We may modify these terms at any time by posting a revised version.',
  'These terms are governed by the laws of the State of Oregon.',
];

describe('hosted-only terms are closed', () => {
  test('a right to access and use the Service, no weights', () => {
    const r = analyse([
      'Nimbus Cloud Model Terms of Service',
      'Subject to these terms, Nimbus Inc. grants you a limited, revocable, non-exclusive right to access and use the Service during your subscription.',
      'The model weights are not made available to you.',
      ...HOSTED_TAIL,
    ]);
    expect(r.openness.tier).toBe('closed');
    expect(r.openness.reasons[0]!.term?.name).toBe('use');
  });

  test('the model usable only through the platform, and an API grant in other words', () => {
    expect(analyse(['You may use the Zephyr model only through the Zephyr platform.', ...HOSTED_TAIL]).openness.tier).toBe('closed');
    expect(analyse(['Acme grants you a license to use the Acme web console and API during your subscription term.']).openness.tier).toBe('closed');
  });

  test('weights one may run, copy or pass on keep the license open-weight', () => {
    // a service named beside weights the licensee runs itself
    expect(analyse(['You may use, copy and run the Model, including to provide services to your customers.']).openness.tier).toBe('open-weight-permissive');
    expect(analyse(['You may use the Model for any purpose, and you may also access it through our API.']).openness.tier).toBe('open-weight-permissive');
    // "Services" as the defined name of the model: modifying and distributing it needs a copy of the weights
    const r = analyse([
      'You may use, reproduce, modify, distribute, perform or display any of the Quill Services only in accordance with these terms.',
      'You must not use the Quill Services for any of the uses listed in the Prohibited Use Policy.',
    ]);
    expect(r.openness.tier).not.toBe('closed');
  });
});

describe('naming rules and OpenRAIL-style terms are restricted', () => {
  test('a permissive grant whose only extra is a name prefix, with a trademark clause', () => {
    const r = analyse([
      'Larkspur Open Model License',
      'Permission is hereby granted, free of charge, to any person obtaining a copy of the Larkspur model weights (the "Model"), to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Model, subject to the following conditions:',
      'The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Model.',
      'If you distribute a model derived from the Model, the name of that derived model must begin with "Larkspur".',
      'This license does not grant permission to use the trademarks of Larkspur Labs, except as required to comply with the naming rule above.',
    ]);
    expect(r.terms.map((t) => t.name)).toEqual(expect.arrayContaining(['name-prefix', 'no-trademark-use']));
    expect(r.openness.tier).toBe('open-weight-restricted');
  });

  test('use-based restrictions in an attachment, passed on to recipients, no commercial limit', () => {
    const r = analyse([
      'Section II: Grant of Rights',
      'Subject to this License, Bramble Collective grants you a worldwide, non-exclusive, royalty-free license to reproduce, modify, publicly display, sublicense and distribute the Model and Derivatives of the Model.',
      'Section III: Conditions',
      'You may distribute the Model only if you include the use-based restrictions of Attachment A as an enforceable provision in every agreement with your recipients, and give every recipient a copy of this License.',
      'Attachment A: Use Restrictions',
      'You agree not to use the Model or Derivatives of the Model:\n(a) to violate any applicable law;\n(b) to exploit or harm minors;\n(c) to defame or harass individuals.',
    ]);
    const n = r.terms.map((t) => t.name);
    expect(n).toEqual(expect.arrayContaining(['distribute', 'prohibited-uses']));
    expect(n).not.toContain('non-commercial');
    expect(r.openness.tier).toBe('open-weight-restricted');
  });
});

describe('a threshold whose consequence oml did not read fails closed', () => {
  const GRANT = 'Kestrel Labs grants you a worldwide, royalty-free license to use, copy, modify and distribute the Model.';
  test('it restricts the tier, and the reason says no consequence was read', () => {
    const r = analyse([GRANT, 'Users with more than 10,000 devices must contact Kestrel for commercial terms.']);
    expect(r.terms.find((t) => t.name === 'devices')?.consequence).toBeUndefined();
    expect(r.openness.tier).toBe('open-weight-restricted');
    expect(r.openness.reasons.some((x) => x.message.includes('no consequence'))).toBe(true);
  });
  test('a consequence read as a notice to show keeps the grant conditional', () => {
    const r = analyse([GRANT, 'Products with more than 10,000 devices must display the notice "Runs on Kestrel".']);
    expect(r.terms.find((t) => t.name === 'devices')?.consequence).toBe('attribution-display');
    expect(r.openness.tier).toBe('open-weight-conditional');
  });
  test('a section code is not a count: "option 4d0" states no threshold', () => {
    const r = analyse([GRANT, 'If you use option 4d0, the Installation Information must accompany the source.']);
    expect(r.terms.filter((t) => t.kind === 'threshold')).toEqual([]);
  });
});
