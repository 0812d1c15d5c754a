import { describe, expect, it } from 'vitest';
import { assessCommercialUse } from '../../src/assess/commercial.js';
import { assessOpenness } from '../../src/assess/openness.js';
import { CommercialUseSchema, type LicenseInfo, type Term } from '../../src/types.js';
import {
  kimiLike, license, llama32Like, llamaLike, mitLike, MIT_LICENSE, obligation, permission, profile, researchOnly, restriction,
  threshold, UNKNOWN_LICENSE,
} from './terms.js';

function verdict(terms: Term[], p: Record<string, unknown>, lic: LicenseInfo = license()) {
  const openness = assessOpenness({ license: lic, terms });
  const r = assessCommercialUse({ terms, openness, license: lic }, profile(p));
  CommercialUseSchema.parse(r);
  return r;
}

const STARTUP = {
  monthlyActiveUsers: 2_500_000,
  monthlyRevenue: { amount: 400_000, currency: 'USD' },
  territories: ['US'],
  activities: ['serve', 'fine-tune'],
};

describe('Llama-3.1-like terms', () => {
  it('a 2.5M MAU startup serving a fine-tune: allowed with obligations', () => {
    const r = verdict(llamaLike(), STARTUP);
    expect(r.verdict).toBe('allowed-with-obligations');
    expect(r.actions).toContain("Display 'Built with Llama' on a related website, user interface, blog post, about page, or product documentation");
    expect(r.actions).toContain("Start the name of any model you distribute or make available with 'Llama'");
    expect(r.actions.some((a) => /copy of the license/.test(a))).toBe(true);
    expect(r.actions).toContain('Comply with the acceptable use policy');
    expect(r.thresholds).toHaveLength(1);
    expect(r.thresholds[0]).toMatchObject({ metric: 'monthly-active-users', limit: 700_000_000, actual: 2_500_000, crossed: false, consequence: 'license-required' });
    expect(r.thresholds[0].headroom).toMatch(/^2\.5M of 700M monthly active users/);
    expect(r.thresholds[0].headroom).toContain('697.5M left');
  });

  it('serving only (no distribution) does not require the Notice file; distributing weights does', () => {
    const serve = verdict(llamaLike(), STARTUP);
    expect(serve.actions.some((a) => /Notice file/.test(a))).toBe(false);
    const dist = verdict(llamaLike(), { ...STARTUP, activities: ['distribute-weights'] });
    expect(dist.actions.some((a) => /Notice file/.test(a))).toBe(true);
    expect(dist.actions).toContain("Start the name of any model you distribute or make available with 'Llama'");
  });

  it('internal use alone triggers neither display, naming nor notice obligations', () => {
    const r = verdict(llamaLike(), { ...STARTUP, activities: ['internal-use'] });
    expect(r.verdict).toBe('allowed-with-obligations');
    expect(r.actions.some((a) => /Built with Llama|name of any model|Notice|copy of the license/.test(a))).toBe(false);
    expect(r.actions).toContain('Comply with the acceptable use policy');
  });

  it('at 800M MAU a separate license is required', () => {
    const r = verdict(llamaLike(), { ...STARTUP, monthlyActiveUsers: 800_000_000 });
    expect(r.verdict).toBe('license-required');
    expect(r.thresholds[0]).toMatchObject({ crossed: true });
    expect(r.thresholds[0].headroom).toMatch(/800M of 700M monthly active users: over the limit by 100M/);
  });

  it('a missing MAU makes the verdict unknown and says which value', () => {
    const { monthlyActiveUsers: _drop, ...noMau } = STARTUP;
    const r = verdict(llamaLike(), noMau);
    expect(r.verdict).toBe('unknown');
    expect(r.reasons.join('\n')).toMatch(/needs monthlyActiveUsers/);
    expect(r.summary).toMatch(/monthlyActiveUsers/);
  });

  it('exactly on the boundary: ">" is not crossed, ">=" is', () => {
    const at = { ...STARTUP, monthlyActiveUsers: 700_000_000 };
    const gt = verdict([permission('use'), threshold('monthly-active-users', 700_000_000, 'license-required', { comparator: '>' })], at);
    expect(gt.thresholds[0].crossed).toBe(false);
    expect(gt.verdict).toBe('allowed');
    expect(gt.thresholds[0].headroom).toMatch(/exactly at the limit.*does not cross/);
    const ge = verdict([permission('use'), threshold('monthly-active-users', 700_000_000, 'license-required', { comparator: '>=' })], at);
    expect(ge.thresholds[0].crossed).toBe(true);
    expect(ge.verdict).toBe('license-required');
    expect(ge.thresholds[0].headroom).toMatch(/counts as crossed/);
  });
});

describe('Kimi-K2-like terms', () => {
  const KIMI = license({ id: 'kimi-k2-modified-mit', family: 'kimi', match: 'modified' });

  it('at 150M MAU the product must display "Kimi K2"', () => {
    const r = verdict(kimiLike(), { ...STARTUP, monthlyActiveUsers: 150_000_000 }, KIMI);
    expect(r.verdict).toBe('allowed-with-obligations');
    expect(r.actions).toContain("Display 'Kimi K2' on the user interface");
    const mau = r.thresholds.find((t) => t.metric === 'monthly-active-users')!;
    expect(mau).toMatchObject({ crossed: true, consequence: 'attribution-display' });
    const rev = r.thresholds.find((t) => t.metric === 'revenue')!;
    expect(rev.headroom).toMatch(/^USD 400k of USD 20M monthly revenue/);
  });

  it('below both thresholds: allowed, no display', () => {
    const r = verdict(kimiLike(), STARTUP, KIMI);
    expect(r.verdict).toBe('allowed');
    expect(r.actions).toEqual([]);
  });

  it('revenue alone can cross (the thresholds are joined by "or")', () => {
    const r = verdict(kimiLike(), { ...STARTUP, monthlyRevenue: { amount: 25_000_000, currency: 'USD' } }, KIMI);
    expect(r.verdict).toBe('allowed-with-obligations');
    expect(r.actions.some((a) => a.includes("'Kimi K2'"))).toBe(true);
  });

  it('MAU crossed decides even when revenue is unknown; MAU below and revenue unknown is unknown', () => {
    const big = verdict(kimiLike(), { monthlyActiveUsers: 150_000_000, activities: ['serve'] }, KIMI);
    expect(big.verdict).toBe('allowed-with-obligations');
    const small = verdict(kimiLike(), { monthlyActiveUsers: 1_000, activities: ['serve'] }, KIMI);
    expect(small.verdict).toBe('unknown');
    expect(small.reasons.join('\n')).toMatch(/monthlyRevenue or annualRevenue/);
  });

  it('thresholds without a display text make the display obligation conditional on them', () => {
    const terms = kimiLike().map((t) => (t.kind === 'threshold' ? { ...t, text: undefined } : t));
    const small = verdict(terms, STARTUP, KIMI);
    expect(small.verdict).toBe('allowed');
    const big = verdict(terms, { ...STARTUP, monthlyActiveUsers: 150_000_000 }, KIMI);
    expect(big.actions).toContain("Display 'Kimi K2' on the user interface");
  });

  it('distributing the weights of a small product: ship the license, no display', () => {
    const r = verdict(kimiLike(), { ...STARTUP, activities: ['distribute-weights'] }, KIMI);
    expect(r.verdict).toBe('allowed-with-obligations');
    expect(r.actions).toHaveLength(1);
    expect(r.actions[0]).toMatch(/copy of the license/);
  });
});

describe('prohibitions', () => {
  it('research-only weights: prohibited for any commercial activity', () => {
    for (const activities of [['internal-use'], ['serve'], ['fine-tune', 'distribute-weights']]) {
      const r = verdict(researchOnly(), { ...STARTUP, activities });
      expect(r.verdict).toBe('prohibited');
      expect(r.actions).toEqual([]);
      expect(r.summary).toMatch(/research-only/);
    }
  });

  it('Llama-3.2-like EU exclusion: prohibited for a German company, allowed for a US one', () => {
    const de = verdict(llama32Like(), { ...STARTUP, territories: ['DE'] });
    expect(de.verdict).toBe('prohibited');
    expect(de.reasons.join('\n')).toMatch(/covers your territories: DE/);
    const us = verdict(llama32Like(), STARTUP);
    expect(us.verdict).toBe('allowed-with-obligations');
    expect(us.reasons.join('\n')).toMatch(/does not cover your territories/);
  });

  it('every EU member state is caught by an EU exclusion, GB and CH are not', () => {
    const terms = [permission('use'), restriction('territory-exclusion', { territories: ['EU'] })];
    for (const c of ['FR', 'IT', 'ES', 'NL', 'PL', 'IE', 'HU', 'SE']) expect(verdict(terms, { territories: [c], activities: ['serve'] }).verdict).toBe('prohibited');
    for (const c of ['GB', 'CH', 'US', 'NO']) expect(verdict(terms, { territories: [c], activities: ['serve'] }).verdict).toBe('allowed');
  });

  it('a territory exclusion with no profile territories is unknown', () => {
    const r = verdict([permission('use'), restriction('territory-exclusion', { territories: ['KR'] })], { activities: ['serve'] });
    expect(r.verdict).toBe('unknown');
  });

  it('no-training-other-models prohibits train-other-models only', () => {
    const terms = [permission('use'), restriction('no-training-other-models')];
    expect(verdict(terms, { activities: ['train-other-models'] }).verdict).toBe('prohibited');
    const serve = verdict(terms, { activities: ['serve'] });
    expect(serve.verdict).toBe('allowed-with-obligations');
    expect(serve.actions[0]).toMatch(/train or improve other models/);
  });

  it('a crossed "prohibited" threshold prohibits; a crossed "fee" threshold needs a license', () => {
    const p = { annualRevenue: { amount: 2_000_000, currency: 'USD' }, activities: ['serve'] };
    expect(verdict([permission('use'), threshold('revenue', 1_000_000, 'prohibited', { period: 'year', currency: 'USD' })], p).verdict).toBe('prohibited');
    expect(verdict([permission('use'), threshold('revenue', 1_000_000, 'fee', { period: 'year', currency: 'USD' })], p).verdict).toBe('license-required');
  });

  it('non-commercial restricting outputs only leaves weight distribution allowed', () => {
    const terms = [permission('use'), permission('distribute'), restriction('non-commercial', { scope: 'outputs' })];
    expect(verdict(terms, { activities: ['distribute-weights'] }).verdict).toBe('allowed');
    expect(verdict(terms, { activities: ['serve'] }).verdict).toBe('prohibited');
  });
});

describe('revenue conversion', () => {
  it('EUR threshold against USD revenue: converted and noted', () => {
    const terms = [permission('use'), threshold('revenue', 20_000_000, 'license-required', { period: 'month', currency: 'EUR' })];
    const r = verdict(terms, STARTUP);
    const t = r.thresholds[0];
    expect(t.currency).toBe('EUR');
    expect(t.conversion).toMatch(/USD 400k = EUR 341\.88k at 1 USD = 0\.8547 EUR/);
    expect(t.conversion).toMatch(/approximate/);
    expect(t.actual).toBeCloseTo(400_000 / 1.17, 0);
    expect(r.verdict).toBe('allowed');
  });

  it('annual threshold against monthly revenue: x12, and the boundary still holds', () => {
    const terms = [permission('use'), threshold('revenue', 4_800_000, 'license-required', { period: 'year', currency: 'USD', comparator: '>' })];
    const at = verdict(terms, STARTUP);
    expect(at.thresholds[0].actual).toBe(4_800_000);
    expect(at.thresholds[0].crossed).toBe(false);
    expect(at.thresholds[0].conversion).toMatch(/x 12 = USD 4\.8M per year/);
    expect(at.thresholds[0].headroom).toMatch(/^USD 4\.8M of USD 4\.8M annual revenue: exactly at the limit/);
    const ge = verdict([permission('use'), threshold('revenue', 4_800_000, 'license-required', { period: 'year', currency: 'USD', comparator: '>=' })], STARTUP);
    expect(ge.verdict).toBe('license-required');
  });

  it('monthly threshold against annual revenue: /12', () => {
    const terms = [permission('use'), threshold('revenue', 20_000_000, 'attribution-display', { period: 'month', currency: 'USD', text: 'Acme' })];
    const r = verdict(terms, { annualRevenue: { amount: 300_000_000, currency: 'USD' }, activities: ['serve'] });
    expect(r.thresholds[0].actual).toBe(25_000_000);
    expect(r.thresholds[0].conversion).toMatch(/\/ 12/);
    expect(r.actions).toContain("Display 'Acme' on the user interface of your product or service");
  });

  it('a currency missing from the rate table is unknown, and says so', () => {
    const terms = [permission('use'), threshold('revenue', 1_000_000, 'license-required', { period: 'year', currency: 'USD' })];
    const r = verdict(terms, { annualRevenue: { amount: 5, currency: 'XAU' }, activities: ['serve'] });
    expect(r.verdict).toBe('unknown');
    expect(r.reasons.join('\n')).toMatch(/exchange rate from XAU to USD/);
  });
});

describe('other verdicts', () => {
  it('unknown tier gives an unknown verdict', () => {
    const r = verdict([], STARTUP, UNKNOWN_LICENSE);
    expect(r.verdict).toBe('unknown');
  });

  it('MIT-like served as SaaS: allowed with no obligations; distributing: ship the license', () => {
    expect(verdict(mitLike(), STARTUP, MIT_LICENSE).verdict).toBe('allowed');
    const d = verdict(mitLike(), { activities: ['distribute-weights'] }, MIT_LICENSE);
    expect(d.verdict).toBe('allowed-with-obligations');
  });

  it('pass-through restrictions apply to serving, not internal use', () => {
    const terms = [permission('use'), obligation('pass-through-restrictions')];
    expect(verdict(terms, { activities: ['serve'] }).actions).toContain('Pass the use restrictions on to your users in your terms of service');
    expect(verdict(terms, { activities: ['internal-use'] }).verdict).toBe('allowed');
  });

  it('no activities: internal use is assumed and said', () => {
    const r = verdict(mitLike(), {}, MIT_LICENSE);
    expect(r.verdict).toBe('allowed');
    expect(r.reasons[0]).toMatch(/assumed internal-use/);
  });

  it('the strict profile schema rejects unknown fields', () => {
    expect(() => profile({ users: 5 })).toThrow();
  });
});

describe('the summary quotes the reason that set the verdict', () => {
  const terms = () => [
    ...mitLike(),
    // listed first: a display threshold that is also crossed, which does not decide the verdict
    threshold('monthly-active-users', 1_000, 'attribution-display', { text: 'Acme Inside', period: 'month' }),
    threshold('monthly-active-users', 10_000, 'license-required', { period: 'month' }),
  ];

  it('a crossed license threshold is quoted, not an earlier crossed display threshold', () => {
    const r = verdict(terms(), { monthlyActiveUsers: 50_000, activities: ['serve'] });
    expect(r.verdict).toBe('license-required');
    const display = r.reasons.findIndex((x) => x.includes('attribution display'));
    const license = r.reasons.findIndex((x) => x.includes('separate license'));
    expect(display).toBeGreaterThanOrEqual(0);
    expect(license).toBeGreaterThan(display);
    expect(r.summary).toBe(`A separate license is required for serve: ${r.reasons[license]}.`);
  });

  it('each verdict quotes the first reason of that verdict', () => {
    const prohibited = verdict([...mitLike(), restriction('non-commercial')], { activities: ['serve'] });
    expect(prohibited.verdict).toBe('prohibited');
    expect(prohibited.summary).toContain(prohibited.reasons.find((x) => x.includes('non-commercial'))!);
    const unknown = verdict(terms(), { activities: ['serve'] });
    expect(unknown.verdict).toBe('unknown');
    expect(unknown.summary).toBe(`Unknown for serve: ${unknown.reasons.find((x) => x.includes('does not give'))}.`);
  });
});

describe('a threshold stated as a ceiling (< or <=) fails closed above it', () => {
  // "If your monthly active users do not exceed 300 million, your registration counts as a license" reads as a
  // ceiling; whatever consequence the reader attached, a profile above the ceiling is not covered by it.
  const ceiling = (comparator: '<' | '<=', consequence: NonNullable<Term['consequence']>) => [
    permission('use'), permission('commercial-use'),
    threshold('monthly-active-users', 300_000_000, consequence, { comparator }),
  ];
  for (const comparator of ['<', '<='] as const) {
    for (const consequence of ['license-required', 'fee', 'prohibited'] as const) {
      it(`${comparator} with ${consequence}: 400M users need a license, never a pass`, () => {
        const r = verdict(ceiling(comparator, consequence), { ...STARTUP, monthlyActiveUsers: 400_000_000 });
        expect(['license-required', 'prohibited']).toContain(r.verdict);
        expect(r.reasons.join(' ')).toMatch(/above a ceiling the license states/);
      });
    }
  }
  it('below the ceiling, a restrictive consequence read with it still applies (the odd reading is not silently dropped)', () => {
    const r = verdict(ceiling('<=', 'license-required'), { ...STARTUP, monthlyActiveUsers: 1_000 });
    expect(r.verdict).toBe('license-required');
  });
  it('a display ceiling is not turned into a license requirement', () => {
    const r = verdict(ceiling('<', 'attribution-display'), { ...STARTUP, monthlyActiveUsers: 400_000_000 });
    expect(r.verdict).not.toBe('license-required');
  });
  it('a profile without the metric stays unknown, not allowed', () => {
    const { monthlyActiveUsers: _drop, ...noUsers } = STARTUP;
    const r = verdict(ceiling('<', 'license-required'), noUsers);
    expect(r.verdict).toBe('unknown');
  });
});

describe('two halves of one sentence: a ceiling that grants, and the same limit crossed that asks for a license', () => {
  // "if your users do not exceed 300 million, registration counts as the license; if they are greater than 300 million,
  // you must request a license": the reader gives '<=' with no consequence and '>' with license-required
  const halves = () => {
    const { consequence: _none, ...grant } = threshold('monthly-active-users', 300_000_000, 'license-required', { comparator: '<=' });
    return [permission('use'), permission('commercial-use'), grant as Term, threshold('monthly-active-users', 300_000_000, 'license-required')];
  };
  it('1k users: within the ceiling, no license is required and nothing is unknown', () => {
    const r = verdict(halves(), { ...STARTUP, monthlyActiveUsers: 1_000 });
    expect(r.verdict).not.toBe('license-required');
    expect(r.verdict).not.toBe('unknown');
    expect(r.reasons.join(' ')).toMatch(/within a ceiling the license states/);
  });
  it('400M users: a license is required', () => {
    const r = verdict(halves(), { ...STARTUP, monthlyActiveUsers: 400_000_000 });
    expect(r.verdict).toBe('license-required');
  });
  it('a floor with no consequence, crossed, stays unknown (only a ceiling states what holds under it)', () => {
    const { consequence: _none, ...floor } = threshold('monthly-active-users', 300_000_000, 'license-required');
    const r = verdict([permission('use'), floor as Term], { ...STARTUP, monthlyActiveUsers: 400_000_000 });
    expect(r.verdict).toBe('unknown');
  });  it('a ceiling alone with no consequence read ("below 1M users, contact us before ..."), within it, stays unknown', () => {
    // nothing states what holds above the limit, so the missing consequence may be one the reader could not read
    const { consequence: _none, ...alone } = threshold('monthly-active-users', 1_000_000, 'license-required', { comparator: '<' });
    const r = verdict([permission('use'), alone as Term], { ...STARTUP, monthlyActiveUsers: 1_000 });
    expect(r.verdict).toBe('unknown');
  });
  it('a complement at another limit does not make a ceiling covered', () => {
    const { consequence: _none, ...grant } = threshold('monthly-active-users', 1_000_000, 'license-required', { comparator: '<' });
    const r = verdict([permission('use'), grant as Term, threshold('monthly-active-users', 300_000_000, 'license-required')], { ...STARTUP, monthlyActiveUsers: 1_000 });
    expect(r.verdict).toBe('unknown');
  });
});
