/**
 * A right granted for one purpose is a limit to that purpose (fail closed; our own sentences): "we grant you a licence to
 * use the Model for non-commercial purposes" must not tier permissive nor answer `allowed` for a commercial profile,
 * "only" or not. Where another sentence of the same document provides for the use the grant leaves out (grants it,
 * prices it by size, opens it by registering), the purpose grant is one way in and no limit (a clause rule's
 * `unlessTerm`, src/extract/clause/unless.ts). The purpose does not take the acts away: a grant to modify and share for
 * non-commercial purposes still grants modify and distribute.
 */
import { describe, expect, test } from 'vitest';
import { analyseParas as analyse, expectRestricted, termNames as names } from './restricted.js';

describe('a grant for one purpose', () => {
  const limited: Array<[string, string]> = [
    ['non-commercial', 'Orchard Labs grants you a licence to use the Orchard weights for non-commercial purposes.'],
    ['non-commercial', 'We license the Orchard checkpoints to you for not-for-profit work.'],
    ['non-commercial', '许可方授予您为非商业目的使用本模型的许可。'],
    ['research-only', 'Orchard Labs grants you a licence to run the Orchard model for academic research.'],
    ['research-only', 'The Orchard weights are licensed to you for scientific research.'],
    ['non-production', 'Orchard Labs grants you a licence to use the Orchard model for evaluation purposes.'],
    ['non-production', 'The Orchard weights are licensed to you for internal testing and benchmarking.'],
    ['non-commercial', 'Orchard Labs grants you a licence to use the Orchard model for personal purposes.'],
    // a statement of what the model is for, a personal setting, a label and its value
    ['non-commercial', 'The Orchard model is for non-commercial use.'],
    ['non-commercial', 'These checkpoints are intended for noncommercial purposes.'],
    ['non-commercial', 'Usage of the Orchard weights is restricted to personal projects.'],
    ['non-commercial', 'For personal use only.'],
    ['non-commercial', 'Commercial use: not allowed.'],
    ['non-commercial', 'Commercial exploitation: prohibited.'],
  ];
  test.each(limited)('%s: %s', (name, sentence) => expectRestricted(analyse(sentence), name));

  test('keeps the acts it grants', () => {
    const r = analyse('Orchard Labs grants you a licence to use, copy and modify the Orchard model for non-commercial purposes, and to share it and its derivatives.');
    expect(names(r)).toEqual(expect.arrayContaining(['use', 'modify', 'distribute', 'non-commercial']));
  });

  const provided: Array<[string, string]> = [
    ['commercial use granted', 'You may also use the Orchard model commercially.'],
    ['commercial use priced by size', 'Commercial use is permitted while your annual revenue stays under US$2 million; above it you need a separate licence.'],
    ['commercial use opened by registering', 'Commercial use is allowed once you register with Orchard Labs.'],
  ];
  test.each(provided)('is no limit where another sentence provides for the rest (%s)', (_, second) => {
    const grant = 'Orchard Labs grants you a licence to use the Orchard weights for non-commercial purposes.';
    expect(names(analyse(grant))).toContain('non-commercial');
    expect(names(analyse(grant, second))).not.toContain('non-commercial');
  });

  test('stays a limit beside a sentence that only says what the model may be fit for (no commercial use provided)', () => {
    const r = analyse('Orchard Labs grants you a licence to use the Orchard weights for non-commercial purposes.',
      'The Orchard model may be unsuitable for commercial applications.');
    expectRestricted(r, 'non-commercial');
  });

  const notLimits = [
    'You may use the Orchard weights for commercial and non-commercial purposes.',
    'You may use the Orchard weights for any purpose, including non-commercial research.',
    'You may use the Orchard model for research or any other purpose.',
    'Permission is granted to anyone to run, study, change and share the Orchard model, commercially or not.',
    'We grant you a licence to use the Orchard model, for example for research.',
    'We grant you a licence to use the Orchard model for evaluation and in commercial products.',
    'The non-commercial version of the Orchard weights is smaller.',
    'You may only process personal data with the Orchard model lawfully.',
    'Orchard Labs grants you a personal, non-transferable licence to use the weights.',
    'Disputes are resolved exclusively by the courts of Oslo, which have personal jurisdiction.',
    'Commercial use: permitted.',
  ];
  test.each(notLimits)('names no limit: %s', (sentence) => {
    expect(names(analyse(sentence))).not.toContain('research-only');
    expect(names(analyse(sentence))).not.toContain('non-commercial');
    expect(names(analyse(sentence))).not.toContain('non-production');
  });
});
