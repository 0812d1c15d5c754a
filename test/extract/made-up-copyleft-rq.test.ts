/**
 * Issue 18 (rQ): copyleft wordings that name restrictions, hosting or technical measures without restricting use.
 * A whole copyleft + network license of our own (written here, not copied from any license): a ban on ADDING restrictions,
 * a hosting ban whose way out is offering the source, an anti-DRM rule and a link to where the code can be downloaded are
 * conditions and duties, so the license tiers open-weight-permissive; the same text with one real use ban moves down.
 */
import { describe, expect, test } from 'vitest';
import { analyseLicense as analyse } from './analyse.js';

const WRONG = ['non-commercial', 'prohibited-uses', 'no-hosting-service', 'guardrail-circumvention', 'attribution-display'];

const LARCH = [
  'Larch Share-Alike Weights License 1.0',
  '',
  '1. Grant. The Licensor grants you a worldwide, royalty-free license to use, copy, modify and distribute the Model and Derivatives for any purpose, including commercial purposes.',
  '',
  '2. Share-alike. If you distribute the Model or a Derivative, you must license it under this same License and include a copy of this License.',
  '',
  '3. No further restrictions. You may not add any restriction on use, including restrictions on commercial or harmful use, to a Derivative.',
  '',
  '4. Network use. If you make a modified Model available to users over a network, you must offer those users the source of your modifications. You may not host a modified version without offering the source, and you must not hide or withhold the source of a hosted version.',
  '',
  '5. Technical measures. You may not use technical measures to restrict users from exercising the rights this license gives them.',
  '',
  '6. Notices. If you run a modified version on a server, you must show its users a link to the page where they can get the code. You must retain all copyright notices.',
  '',
].join('\n');

describe('made-up copyleft license (rQ)', () => {
  test('no restriction is read from rules about restrictions, hosting with source, or anti-DRM; tier permissive', () => {
    const r = analyse(LARCH);
    const names = r.terms.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['use', 'commercial-use', 'same-license', 'network-use-disclose']));
    for (const n of WRONG) expect(names, n).not.toContain(n);
    expect(r.openness.tier).toBe('open-weight-permissive');
  });

  test('one real use ban added moves the tier down', () => {
    const r = analyse(`${LARCH}7. Use policy. You may not use the Model to build weapons or to harass anyone.\n`);
    expect(r.terms.map((t) => t.name)).toContain('prohibited-uses');
    expect(r.openness.tier).not.toBe('open-weight-permissive');
  });
});
