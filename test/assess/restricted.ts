/** Shared checks of the fail-closed tests: a license text analysed for a commercial profile that serves users. */
import { expect } from 'vitest';
import { analyseLicense } from '../extract/analyse.js';
import { ProfileSchema } from '../../src/types.js';

export const SERVE = ProfileSchema.parse({ monthlyActiveUsers: 50_000, territories: ['US', 'DE'], activities: ['serve'] });

/** The paragraphs, one license, analysed for SERVE. */
export const analyseParas = (...paras: string[]) => analyseLicense(paras.join('\n\n') + '\n', { profile: SERVE });
export type Analysed = ReturnType<typeof analyseParas>;
export const termNames = (r: Analysed) => r.terms.map((t) => t.name);

/** The analysis states `name`, does not tier permissive and does not answer `allowed`. */
export function expectRestricted(r: Analysed, name: string): void {
  expect(termNames(r)).toContain(name);
  expect(r.openness.tier).not.toBe('open-weight-permissive');
  expect(r.commercialUse?.verdict).not.toBe('allowed');
}
