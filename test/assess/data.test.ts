import { describe, expect, it } from 'vitest';
import {
  baseModels, commercialActions, fxRates, opennessWeights, OpennessWeightsSchema, regions,
} from '../../src/assess/data.js';
import { convert } from '../../src/assess/fx.js';
import { expandTerritories } from '../../src/assess/territory.js';
import { TIERS } from '../../src/types.js';

describe('assess data tables', () => {
  it('all load and validate', () => {
    expect(opennessWeights().version).toBe(1);
    expect(baseModels().models.length).toBeGreaterThan(40);
    expect(commercialActions().terms.length).toBeGreaterThan(5);
    expect(fxRates()).toMatchObject({ base: 'USD', approximate: true });
    expect(fxRates().date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('bands cover every scored tier, ordered and disjoint', () => {
    const b = opennessWeights().bands;
    const tiers = TIERS.filter((t) => t !== 'unknown');
    expect(Object.keys(b).sort()).toEqual([...tiers].sort());
    for (let i = 1; i < tiers.length; i++) expect(b[tiers[i]].top).toBeLessThan(b[tiers[i - 1]].floor);
  });

  it('rejects overlapping bands', () => {
    const w = structuredClone(opennessWeights());
    w.bands['open-weight-restricted'].top = 65;
    expect(OpennessWeightsSchema.safeParse(w).success).toBe(false);
  });

  it('rejects a negative weight', () => {
    const w = structuredClone(opennessWeights());
    w.weights.restriction['prohibited-uses'] = -3;
    expect(OpennessWeightsSchema.safeParse(w).success).toBe(false);
  });

  it('EU expands to the 27 member states', () => {
    const eu = expandTerritories(['EU']);
    expect(eu.size).toBe(27);
    for (const c of ['DE', 'FR', 'IT', 'ES', 'NL', 'HU', 'HR']) expect(eu.has(c)).toBe(true);
    expect(eu.has('GB')).toBe(false);
    expect(regions().regions.EEA.length).toBe(30);
  });

  it('converts currencies both ways consistently', () => {
    const there = convert(1000, 'EUR', 'USD')!;
    const back = convert(there.amount, 'USD', 'EUR')!;
    expect(back.amount).toBeCloseTo(1000, 6);
    expect(convert(5, 'USD', 'usd')!.note).toBe('');
    expect(convert(5, 'XAU', 'USD')).toBeNull();
  });
});
