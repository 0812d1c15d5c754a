/**
 * The options check without zod (src/analyze/options-check.ts) accepts only options the schema accepts, so
 * checkOptions gives the same outcome with or without it; what it declines the schema decides.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OptionsArg } from '../../src/analyze/args.js';
import { plainlyValidOptions } from '../../src/analyze/options-check.js';

const value = fc.oneof(
  fc.constant(undefined), fc.constant(null), fc.boolean(), fc.string(), fc.constantFrom('remark', 'fast', ' ', '', 'x/y'),
  fc.integer({ min: -3, max: 1 << 20 }), fc.double(), fc.constantFrom(0, -0, 1.5, Number.NaN, Infinity, 2 ** 53, 2 ** 60),
  fc.array(fc.integer(), { maxLength: 2 }),
);
const limits = fc.dictionary(fc.constantFrom('maxFileBytes', 'maxTotalBytes', 'maxFiles', 'maxDepth', 'maxYamlAliases', 'other'), value, { maxKeys: 6 });
const options = fc.oneof(
  value,
  fc.dictionary(fc.constantFrom('limits', 'markdown', 'resultCache', 'profile', 'workers'), fc.oneof(value, limits), { maxKeys: 5 }),
);

describe('plainlyValidOptions', () => {
  it('never accepts what the options schema rejects', () => {
    fc.assert(fc.property(options, (o) => !plainlyValidOptions(o) || OptionsArg.safeParse(o).success), { numRuns: 3000 });
  });

  it('accepts the options a CLI run passes, and declines what the schema must judge', () => {
    expect(plainlyValidOptions(undefined)).toBe(true);
    expect(plainlyValidOptions({ limits: { maxFileBytes: 1024, maxYamlAliases: 0 }, markdown: 'fast', resultCache: '/tmp/x', workers: 2 })).toBe(true);
    expect(plainlyValidOptions({ limits: { maxFiles: 0 } })).toBe(false);
    expect(plainlyValidOptions({ markdown: 'html' })).toBe(false);
    expect(plainlyValidOptions({ resultCache: ' ' })).toBe(false);
    expect(plainlyValidOptions(Object.create({ limits: 5 }))).toBe(false);
    expect(plainlyValidOptions({ get limits() { return { maxDepth: -1 }; } })).toBe(false);
  });
});
