import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseConfig } from '../../src/policy/config.js';
import { guarded, params, syntaxText, timeout } from './helpers.js';

const FILE = 'repo/oml.config.yaml';
const CODES = ['YAML', 'YAML_ALIAS', 'CONFIG'] as const;
const TIERS = ['open-source', 'open-weight-permissive', 'open-weight-conditional', 'open-weight-restricted', 'open-weight-noncommercial', 'closed', 'unknown'];

/** Values that are sometimes right and often wrong for a config field. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...TIERS, 'fail', 'warn', 'USD', 'US', 'serve', 'fine-tune', '2026-02-30', '2026-01-31', 0, -1, 1e308, 2500000, null, true, '', 'x'),
  fc.double(),
  fc.string({ maxLength: 8 }),
  fc.array(fc.constantFrom(...TIERS, 'bogus', 1), { maxLength: 4 }),
);

const configObject = fc.record({
  profile: fc.option(fc.record({
    monthlyActiveUsers: anyValue,
    monthlyRevenue: fc.option(fc.record({ amount: anyValue, currency: anyValue }), { nil: undefined }),
    territories: fc.option(fc.array(fc.constantFrom('US', 'DE', 'XX', 'eu', 1), { maxLength: 3 }), { nil: undefined }),
    activities: fc.option(fc.array(fc.constantFrom('serve', 'fine-tune', 'merge', 'dance'), { maxLength: 3 }), { nil: undefined }),
  }, { requiredKeys: [] }), { nil: undefined }),
  policy: fc.option(fc.record({ allow: anyValue, unknown: anyValue }, { requiredKeys: [] }), { nil: undefined }),
  models: fc.option(fc.array(fc.record({ path: anyValue }), { maxLength: 3 }), { nil: undefined }),
  waivers: fc.option(fc.array(fc.record({ model: anyValue, reason: anyValue, expires: anyValue }, { requiredKeys: ['model'] }), { maxLength: 3 }), { nil: undefined }),
  exclude: fc.option(fc.array(anyValue, { maxLength: 3 }), { nil: undefined }),
  limits: fc.option(fc.dictionary(fc.constantFrom('maxFileBytes', 'maxTotalBytes', 'maxFiles', 'maxDepth', 'maxYamlAliases', 'maxBogus'), anyValue), { nil: undefined }),
}, { requiredKeys: [] });

/** A valid config with one field replaced by a fuzzed value (or left valid). */
const nearlyValid = fc.tuple(
  fc.constantFrom('none', 'policy.allow', 'policy.unknown', 'profile.monthlyActiveUsers', 'limits.maxFiles', 'waivers.0.expires', 'exclude.0', 'unknownTop'),
  anyValue,
).map(([field, v]) => {
  const c: Record<string, any> = {
    profile: { monthlyActiveUsers: 2500000, monthlyRevenue: { amount: 400000, currency: 'USD' }, territories: ['US', 'DE'], activities: ['serve'] },
    policy: { allow: ['open-weight-permissive', 'open-weight-restricted'], unknown: 'warn' },
    waivers: [{ model: 'vendor/m', reason: 'approved', expires: '2026-12-31' }],
    exclude: ['vendor/**'],
    limits: { maxFiles: 1000 },
  };
  if (field !== 'none') {
    const path = field.split('.');
    let o = c;
    for (const k of path.slice(0, -1)) o = o[k];
    o[path[path.length - 1]!] = v;
  }
  return c;
});

const yamlText = fc.oneof(
  configObject.map((o) => stringify(JSON.parse(JSON.stringify(o)) as unknown)),
  nearlyValid.map((o) => stringify(JSON.parse(JSON.stringify(o)) as unknown)),
  syntaxText(60),
  fc.array(fc.constantFrom('policy:', '  allow: [closed]', '  allow: &a [closed]', 'x: [*a, *a]', 'y: *a', 'unknown: warn', '  unknown: maybe',
    'profile: {monthlyActiveUsers: 1e400}', 'limits: {maxFiles: -3}', '- list', '\t tab', '{', '"', 'a: b: c', 'waivers:\n  - model: m'), { maxLength: 10 }).map((l) => l.join('\n')),
);

describe('fuzz: parseConfig', () => {
  it('validates or throws YAML / YAML_ALIAS / CONFIG naming the file', () => {
    let accepted = 0;
    fc.assert(
      fc.property(yamlText, (text) => {
        const loaded = guarded(() => parseConfig(text, FILE), FILE, CODES);
        if (!loaded) return;
        accepted++;
        expect(loaded.path).toBe(FILE);
        expect(loaded.config.policy.allow.length).toBeGreaterThan(0);
        for (const t of loaded.config.policy.allow) expect(TIERS).toContain(t);
        expect(loaded.waiverLines.length).toBe(loaded.config.waivers.length);
        const mau = loaded.config.profile?.monthlyActiveUsers;
        if (mau !== undefined) expect(Number.isFinite(mau)).toBe(true);
      }),
      params(500),
    );
    // some generated configs are valid: the property is not only about errors
    expect(accepted).toBeGreaterThan(10);
  }, timeout(30000));

  it('stops an alias bomb with YAML_ALIAS in time', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`), 'policy: { allow: [closed] }'].join('\n');
    expect(() => guarded(() => parseConfig(bomb, FILE), FILE, ['YAML_ALIAS'])).not.toThrow();
    expect(() => parseConfig(bomb, FILE)).toThrow(expect.objectContaining({ code: 'YAML_ALIAS', file: FILE }));
  });
});
