/**
 * Issue #4 scenarios, run on the real license texts (read from ../shared/corpus
 * at test time) through the whole pipeline: read, parse, identify, extract, assess.
 */
import { describe, expect, it } from 'vitest';
import { analyzePath } from '../../src/analyze/index.js';
import type { Profile } from '../../src/types.js';
import { STARTUP, corpusCard, corpusLicense, modelFolder } from './helpers.js';

const has = (actions: string[], re: RegExp) => actions.some((a) => re.test(a));

describe('commercial use on real licenses', () => {
  const llama31 = modelFolder({
    LICENSE: { corpus: 'licenses/llama-3.1-community-license.txt' },
    'USE_POLICY.md': { corpus: 'licenses/llama-3.1-acceptable-use-policy.txt' },
  });

  it('Llama 3.1 for a 2.5M MAU startup serving a fine-tune: allowed with obligations', async () => {
    const a = await analyzePath(llama31, { profile: STARTUP });
    expect(a.license.id).toBe('llama-3.1-community-license');
    const cu = a.commercialUse!;
    expect(cu.verdict).toBe('allowed-with-obligations');
    expect(has(cu.actions, /Built with Llama/)).toBe(true);
    expect(has(cu.actions, /name .*'Llama'/)).toBe(true);
    expect(has(cu.actions, /copy of the license/i)).toBe(true);
    expect(has(cu.actions, /acceptable use policy/i)).toBe(true);
    const mau = cu.thresholds.find((t) => t.metric === 'monthly-active-users')!;
    expect(mau.limit).toBe(700_000_000);
    expect(mau.crossed).toBe(false);
    expect(mau.headroom).toMatch(/2\.5M of 700M/);
  });

  it('distributing the weights adds the Notice file obligation', async () => {
    const a = await analyzePath(llama31, { profile: { ...STARTUP, activities: ['distribute-weights'] } });
    expect(has(a.commercialUse!.actions, /Notice/)).toBe(true);
  });

  it('the same profile at 800M monthly active users needs a license from Meta', async () => {
    const a = await analyzePath(llama31, { profile: { ...STARTUP, monthlyActiveUsers: 800_000_000 } });
    expect(a.commercialUse!.verdict).toBe('license-required');
  });

  it('Kimi K2 at 150M MAU: display "Kimi K2"', async () => {
    const a = await analyzePath(corpusLicense('kimi-k2-modified-mit.txt'), { profile: { ...STARTUP, monthlyActiveUsers: 150_000_000 } });
    expect(a.commercialUse!.verdict).toBe('allowed-with-obligations');
    expect(has(a.commercialUse!.actions, /Kimi K2/)).toBe(true);
    const below = await analyzePath(corpusLicense('kimi-k2-modified-mit.txt'), { profile: STARTUP });
    expect(below.commercialUse!.actions.some((x) => /Kimi K2/.test(x))).toBe(false);
  });

  it('Qwen research license: prohibited for a commercial product', async () => {
    for (const f of ['qwen-research-license.txt', 'tongyi-qianwen-research-license.txt']) {
      const a = await analyzePath(corpusLicense(f), { profile: STARTUP });
      expect(a.commercialUse!.verdict, f).toBe('prohibited');
    }
  });

  it('Llama 3.2 vision model for a company in Germany: prohibited by the EU exclusion', async () => {
    const de: Profile = { ...STARTUP, territories: ['DE'] };
    // Card only: the exclusion comes from the catalog's copy of the incorporated use policy.
    const card = await analyzePath(corpusCard('unsloth__Llama-3.2-11B-Vision-Instruct-bnb-4bit.md'), { profile: de });
    expect(card.license.id).toBe('llama-3.2-community-license');
    expect(card.commercialUse!.verdict).toBe('prohibited');
    const ex = card.terms.find((t) => t.name === 'territory-exclusion')!;
    expect(ex.origin).toBe('incorporated');
    expect(ex.territories).toContain('EU');
    // LICENSE + use policy on disk: the same answer from the texts themselves.
    const dir = modelFolder({
      LICENSE: { corpus: 'licenses/llama-3.2-community-license.txt' },
      'USE_POLICY.md': { corpus: 'licenses/llama-3.2-acceptable-use-policy.txt' },
    });
    const folder = await analyzePath(dir, { profile: de });
    expect(folder.commercialUse!.verdict).toBe('prohibited');
    // In the US the same model is allowed with obligations.
    expect((await analyzePath(dir, { profile: STARTUP })).commercialUse!.verdict).toBe('allowed-with-obligations');
  });
});

describe('lineage', () => {
  it('an apache-2.0 card on a Llama 3.1 base is a conflict carrying the Llama terms', async () => {
    const dir = modelFolder({
      'README.md': '---\nlicense: apache-2.0\nbase_model: meta-llama/Llama-3.1-8B\nbase_model_relation: finetune\n---\n\n# Our fine-tune\n',
    });
    const a = await analyzePath(dir, { profile: STARTUP });
    expect(a.declared?.resolved).toBe('Apache-2.0');
    expect(a.conflicts.map((c) => c.code)).toContain('BASE_LICENSE_CONFLICT');
    const fromBase = a.terms.filter((t) => t.origin === 'base-model');
    expect(fromBase.some((t) => t.name === 'attribution-display' && t.text === 'Built with Llama')).toBe(true);
    expect(fromBase.some((t) => t.kind === 'threshold' && t.value === 700_000_000)).toBe(true);
    expect(a.openness.tier).toBe('open-weight-restricted');
  });
});
