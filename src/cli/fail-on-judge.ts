/** `oml analyze --fail-on`: which results fail (fail-on.ts parses the flag). */
import type { Analysis, Verdict } from '../types.js';
import { needsReview } from '../report/analysis-text.js';

/** The verdicts of one analysis that --fail-on looks at. */
export function verdictsOf(a: Analysis): Verdict[] {
  const v: Verdict[] = [a.commercialUse?.verdict ?? 'unknown'];
  if (needsReview(a) && !v.includes('unknown')) v.push('unknown');
  return v;
}

/** The analyses that fail --fail-on, each with the verdicts of VERDICTS it has. */
export function failing(results: Analysis[], verdicts: Set<Verdict>): Array<{ analysis: Analysis; matched: Verdict[] }> {
  return results
    .map((analysis) => ({ analysis, matched: verdictsOf(analysis).filter((v) => verdicts.has(v)) }))
    .filter((f) => f.matched.length > 0);
}
