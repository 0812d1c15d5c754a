/**
 * Issue 18 item 2 (tiers): copyleft is a condition, not a use restriction. Whole copyleft licenses of our own (written
 * here, not copied from any license) state share-alike, source disclosure and network-use disclosure, and with no use
 * restriction they tier open-weight-permissive (DESIGN "Openness tiers"), never restricted; the same text with one use
 * restriction added moves down, so the tier is read from the terms and not from the word "copyleft".
 */
import { describe, expect, test } from 'vitest';
import { analyseLicense as analyse } from './analyse.js';

const RESTRICTIONS = ['non-commercial', 'research-only', 'non-production', 'prohibited-uses', 'no-training-other-models',
  'territory-exclusion', 'no-hosting-service'];

const JUNIPER = [
  'Juniper Open Weights License, version 1',
  '',
  '1. Grant. The Steward grants you a worldwide, royalty-free, non-exclusive license to use, copy, modify and distribute the Juniper weights for any purpose, including commercial purposes.',
  '',
  '2. Share-alike. If you distribute a modified version of the weights, you must release it under these same terms.',
  '',
  '3. Source. Whoever distributes the weights or a derivative must also make the complete source files available to every recipient.',
  '',
  '4. Network use. If you modify the weights and let users interact with the modified model remotely through a computer network, you must offer those users the corresponding source of your version.',
  '',
  '5. Changes. Every modified file must carry a notice saying that you changed it.',
  '',
  '6. Termination. Any attempt to distribute or modify the weights otherwise than as this license allows automatically ends your rights under it.',
  '',
].join('\n');

const ASTER = [
  'Aster Copyleft Model License',
  '',
  'Permission is granted to anyone to run, study, change and share the Aster model, commercially or not.',
  '',
  'Any model derived from Aster, including fine-tuned and merged checkpoints, must be licensed as a whole under this license to everyone who receives a copy.',
  '',
  'When you make Aster or a derivative available to others, you must provide the preferred form for making modifications along with it.',
  '',
  'Offering a modified Aster model as a hosted service to third parties counts as distribution: you must then publish the source of your modifications.',
  '',
  'No trademark rights are granted.',
  '',
].join('\n');

describe('made-up copyleft licenses', () => {
  test('share-alike, source and network duties are read and tier permissive', () => {
    for (const [text, expected] of [
      [JUNIPER, ['use', 'commercial-use', 'same-license', 'disclose-source', 'network-use-disclose', 'state-changes']],
      [ASTER, ['use', 'same-license', 'disclose-source', 'network-use-disclose', 'no-trademark-use']],
    ] as const) {
      const r = analyse(text);
      const names = r.terms.map((t) => t.name);
      expect(names, text.split('\n')[0]).toEqual(expect.arrayContaining([...expected]));
      for (const n of RESTRICTIONS) expect(names, `${text.split('\n')[0]}: ${n}`).not.toContain(n);
      expect(r.openness.tier, text.split('\n')[0]).toBe('open-weight-permissive');
    }
  });

  test('the same copyleft text with a use restriction added is not permissive', () => {
    const r = analyse(`${JUNIPER}\n7. You may not use the weights or any derivative for military surveillance.\n`);
    expect(r.terms.map((t) => t.name)).toContain('prohibited-uses');
    expect(r.openness.tier).toBe('open-weight-restricted');
  });

  test('a ban on network use lifted by the source is the network duty, not a ban', () => {
    const r = analyse('You may use and share the model for any purpose.\n\nYou may not offer a modified model over a network unless its users can obtain the source code.\n');
    const names = r.terms.map((t) => t.name);
    expect(names).toContain('network-use-disclose');
    expect(r.openness.tier).toBe('open-weight-permissive');
  });
});
