import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessOpenness, tierRank } from '../../src/assess/openness.js';
import { opennessWeights } from '../../src/assess/data.js';
import type { Term } from '../../src/types.js';
import {
  kimiLike, license, llamaLike, mitLike, MIT_LICENSE, obligation, other, permission, researchOnly, restriction,
  termination, threshold, UNKNOWN_LICENSE,
} from './terms.js';

const KIMI = license({ id: 'kimi-k2-modified-mit', family: 'kimi', match: 'modified', basedOn: 'MIT' });
const LLAMA = license({ id: 'llama-3.1-community-license', family: 'llama', version: '3.1' });

describe('assessOpenness tiers', () => {
  it('MIT-like terms on an MIT license are permissive', () => {
    const o = assessOpenness({ license: MIT_LICENSE, terms: mitLike() });
    expect(o.tier).toBe('open-weight-permissive');
    expect(o.score).toBeGreaterThanOrEqual(75);
    expect(o.score).toBeLessThanOrEqual(89);
  });

  it('a standard SPDX permissive license with no extracted terms is permissive', () => {
    const o = assessOpenness({ license: license({ id: 'apache-2.0', spdx: 'Apache-2.0', family: 'apache' }), terms: [] });
    expect(o.tier).toBe('open-weight-permissive');
    expect(o.score).toBe(89);
  });

  it('BSD-* prefix counts as standard permissive', () => {
    const o = assessOpenness({ license: license({ id: 'BSD-3-Clause', spdx: 'BSD-3-Clause', family: 'bsd' }), terms: [] });
    expect(o.tier).toBe('open-weight-permissive');
  });

  it('Kimi-like (display above a threshold) is conditional', () => {
    const o = assessOpenness({ license: KIMI, terms: kimiLike() });
    expect(o.tier).toBe('open-weight-conditional');
    expect(o.reasons[0].term?.kind).toBe('threshold');
  });

  it('Llama-like terms are restricted, whatever the license id says', () => {
    expect(assessOpenness({ license: LLAMA, terms: llamaLike() }).tier).toBe('open-weight-restricted');
    // same terms under an id that looks permissive: the terms decide
    expect(assessOpenness({ license: MIT_LICENSE, terms: llamaLike() }).tier).toBe('open-weight-restricted');
  });

  it('research-only on the weights is noncommercial', () => {
    const o = assessOpenness({ license: license(), terms: researchOnly() });
    expect(o.tier).toBe('open-weight-noncommercial');
    expect(o.reasons[0].term).toMatchObject({ kind: 'restriction', name: 'research-only', path: 'fixtures/ACME-LICENSE' });
  });

  it('non-commercial restricting outputs only is a use restriction, not noncommercial weights', () => {
    const o = assessOpenness({ license: license(), terms: [permission('use'), restriction('non-commercial', { scope: 'outputs' })] });
    expect(o.tier).toBe('open-weight-restricted');
  });

  it('nothing known is unknown with no score', () => {
    const o = assessOpenness({ license: UNKNOWN_LICENSE, terms: [] });
    expect(o).toMatchObject({ tier: 'unknown', score: null });
    expect(o.reasons[0].message).toMatch(/not recognized/);
  });

  it('unknown license with restrictions but no grant is unknown', () => {
    expect(assessOpenness({ license: UNKNOWN_LICENSE, terms: [restriction('prohibited-uses')] }).tier).toBe('unknown');
  });

  it('unknown license with a grant is tiered from the terms, with a deduction for the unrecognized license', () => {
    const o = assessOpenness({ license: UNKNOWN_LICENSE, terms: [permission('use')] });
    expect(o.tier).toBe('open-weight-permissive');
    expect(o.score).toBe(89 - 5);
  });

  it('known custom license with no grant and no conditions is unknown', () => {
    expect(assessOpenness({ license: LLAMA, terms: [] }).tier).toBe('unknown');
  });

  it('open-source needs open datasets and open code', () => {
    const apache = license({ id: 'Apache-2.0', spdx: 'Apache-2.0', family: 'apache' });
    const terms = [...mitLike(), obligation('retain-notice'), permission('patent-grant')];
    expect(assessOpenness({ license: apache, terms, card: { datasets: ['allenai/dolma'] } }).tier).toBe('open-source');
    expect(assessOpenness({ license: apache, terms, card: { datasets: [] } }).tier).toBe('open-weight-permissive');
    expect(assessOpenness({ license: apache, terms, card: { datasets: ['allenai/dolma'], openCode: false } }).tier).toBe('open-weight-permissive');
    expect(assessOpenness({ license: apache, terms }).tier).toBe('open-weight-permissive');
    // a custom (not OSI-approved) license with a grant: openCode must be said explicitly
    expect(assessOpenness({ license: license(), terms: [permission('use')], card: { datasets: ['d'] } }).tier).toBe('open-weight-permissive');
    expect(assessOpenness({ license: license(), terms: [permission('use')], card: { datasets: ['d'], openCode: true } }).tier).toBe('open-source');
  });
});

describe('assessOpenness score', () => {
  it('orders representative licenses strictly by tier', () => {
    const scores = [
      assessOpenness({ license: license({ id: 'Apache-2.0', spdx: 'Apache-2.0' }), terms: mitLike(), card: { datasets: ['d'] } }),
      assessOpenness({ license: MIT_LICENSE, terms: mitLike() }),
      assessOpenness({ license: KIMI, terms: kimiLike() }),
      assessOpenness({ license: LLAMA, terms: llamaLike() }),
      assessOpenness({ license: license(), terms: researchOnly() }),
    ];
    expect(scores.map((s) => s.tier)).toEqual([
      'open-source', 'open-weight-permissive', 'open-weight-conditional', 'open-weight-restricted', 'open-weight-noncommercial',
    ]);
    for (let i = 1; i < scores.length; i++) expect(scores[i].score!).toBeLessThan(scores[i - 1].score!);
  });

  it('lists each deduction with its term and never goes below the band floor', () => {
    const o = assessOpenness({ license: LLAMA, terms: llamaLike() });
    const band = opennessWeights().bands['open-weight-restricted'];
    expect(o.score!).toBeGreaterThanOrEqual(band.floor);
    const deductions = o.reasons.filter((r) => r.term && r.message.includes(': -'));
    expect(deductions.map((d) => d.term!.name)).toEqual(expect.arrayContaining(['attribution-display', 'name-prefix', 'comply-with-use-policy', 'prohibited-uses', 'monthly-active-users']));
    expect(deductions.every((d) => d.term!.path === 'fixtures/ACME-LICENSE' && d.term!.line >= 1)).toBe(true);
    // zero-weight terms cost nothing and are not listed as deductions
    expect(deductions.some((d) => d.term!.name === 'governing-law')).toBe(false);
    expect(band.top - o.score!).toBe(o.reasons.reduce((s, r) => s + r.points, 0));
  });

  it('counts a repeated term once', () => {
    const a = assessOpenness({ license: LLAMA, terms: [permission('use'), restriction('prohibited-uses')] });
    const b = assessOpenness({ license: LLAMA, terms: [permission('use'), restriction('prohibited-uses'), restriction('prohibited-uses')] });
    expect(b.score).toBe(a.score);
  });

  it('stops at the floor when deductions exceed the band', () => {
    const many = [permission('use'), restriction('research-only'), restriction('non-commercial'), restriction('non-production'),
      restriction('prohibited-uses'), restriction('territory-exclusion', { territories: ['EU'] }), obligation('name-prefix', { text: 'X' }),
      termination('remote-restriction'), other('unilateral-updates'), restriction('no-training-other-models')];
    const o = assessOpenness({ license: license(), terms: many });
    expect(o.tier).toBe('open-weight-noncommercial');
    expect(o.score).toBe(opennessWeights().bands['open-weight-noncommercial'].floor);
    expect(o.reasons.some((r) => /capped/.test(r.message))).toBe(true);
  });
});

describe('monotonicity (property)', () => {
  const line = fc.integer({ min: 1, max: 500 });
  const nonPermission: fc.Arbitrary<Term> = fc.oneof(
    fc.record({ n: fc.constantFrom('include-license', 'retain-notice', 'attribution-display', 'name-prefix', 'state-changes', 'pass-through-restrictions', 'comply-with-use-policy', 'registration-required', 'something-new'), line })
      .map(({ n, line: l }) => obligation(n, { text: 'X', line: l })),
    fc.record({ n: fc.constantFrom('prohibited-uses', 'no-training-other-models', 'non-commercial', 'research-only', 'non-production', 'territory-exclusion', 'no-hosting-service', 'no-trademark-use'), scope: fc.constantFrom(undefined, 'weights', 'outputs', 'both'), line })
      .map(({ n, scope, line: l }) => restriction(n, { scope, line: l })),
    fc.record({ m: fc.constantFrom('monthly-active-users', 'daily-active-users', 'revenue'), c: fc.constantFrom('license-required', 'attribution-display', 'fee', 'prohibited') as fc.Arbitrary<NonNullable<Term['consequence']>>, v: fc.integer({ min: 1, max: 1e9 }) })
      .map(({ m, c, v }) => threshold(m, v, c)),
    fc.record({ n: fc.constantFrom('litigation-termination', 'breach-termination', 'remote-restriction', 'guardrail-circumvention'), line })
      .map(({ n, line: l }) => termination(n, { line: l })),
    fc.record({ n: fc.constantFrom('unilateral-updates', 'governing-law', 'output-ownership', 'output-restrictions'), line })
      .map(({ n, line: l }) => other(n, { line: l })),
  );
  const grants = fc.subarray(['use', 'modify', 'distribute', 'commercial-use', 'sublicense', 'patent-grant'])
    .map((ns) => ns.map((n) => permission(n)));
  const licenses = fc.constantFrom(
    MIT_LICENSE, UNKNOWN_LICENSE, license(), license({ id: 'Apache-2.0', spdx: 'Apache-2.0' }), license({ id: 'llama-3.1-community-license' }),
  );
  type Card = { datasets: string[]; openCode?: boolean } | null;
  const cards = fc.constantFrom<Card>(null, { datasets: [] }, { datasets: ['d'] }, { datasets: ['d'], openCode: true }, { datasets: ['d'], openCode: false });

  it('adding any non-permission term never raises the score or the tier', () => {
    fc.assert(fc.property(licenses, cards, grants, fc.array(nonPermission, { maxLength: 12 }), nonPermission, (lic, card, g, base, extra) => {
      const before = assessOpenness({ license: lic, terms: [...g, ...base], card });
      const after = assessOpenness({ license: lic, terms: [...g, ...base, extra], card });
      if (before.score === null) return; // unknown has no score to raise
      expect(after.score).not.toBeNull();
      expect(after.score!).toBeLessThanOrEqual(before.score);
      expect(tierRank(after.tier)).toBeGreaterThanOrEqual(tierRank(before.tier));
    }), { seed: 20260401, numRuns: 600 });
  });

  it('a lower tier always scores below a higher tier', () => {
    fc.assert(fc.property(licenses, cards, grants, fc.array(nonPermission, { maxLength: 12 }), fc.array(nonPermission, { maxLength: 12 }), (lic, card, g, a, b) => {
      const x = assessOpenness({ license: lic, terms: [...g, ...a], card });
      const y = assessOpenness({ license: lic, terms: [...g, ...b], card });
      if (x.score === null || y.score === null || x.tier === y.tier) return;
      if (tierRank(x.tier) < tierRank(y.tier)) expect(x.score).toBeGreaterThan(y.score);
      else expect(x.score).toBeLessThan(y.score);
    }), { seed: 7, numRuns: 400 });
  });
});
