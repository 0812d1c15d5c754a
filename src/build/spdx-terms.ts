/**
 * Build step (called by ./data.ts once the rules and data are compiled): the terms of every standard
 * SPDX license of the spdx-license-list package, extracted by this build's code and stored in
 * dist/data/spdx-terms.{json,bin} (src/analyze/spdx-terms-store.ts), so a run does not extract them.
 */
import { buildId } from '../compiled/index.js';
import { computeSpdxTerms, spdxTermIds } from '../analyze/spdx-terms.js';
import { spdxTermsStamp, writeStoredSpdxTerms } from '../analyze/spdx-terms-store.js';
import type { Term } from '../types.js';

/** Writes the store; returns how many licenses it holds. */
export function writeSpdxTerms(): number {
  const build = buildId();
  const stamp = spdxTermsStamp(build);
  if (build === null || stamp === null) throw new Error('build-data: no build id (dist/build-data.js must come from tsup with tsup.config.ts)');
  const terms = new Map<string, Term[]>();
  for (const id of spdxTermIds()) terms.set(id, computeSpdxTerms(id));
  writeStoredSpdxTerms(build, stamp, terms);
  return terms.size;
}
