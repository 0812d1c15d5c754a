/**
 * `oml analyze --fail-on VERDICTS`: exit 1 when a subject's commercial-use
 * verdict is one of them. Fail closed: `unknown` also matches a subject whose
 * license text oml did not recognise (what `oml check` fails as unknown-license),
 * whatever verdict the terms read from that text give.
 */
import { VerdictSchema, type Analysis, type Verdict } from '../types.js';
import { needsReview } from '../report/analysis-text.js';

export const VERDICTS: readonly Verdict[] = VerdictSchema.options;

export function parseFailOn(raw: string): { verdicts: Set<Verdict> } | { error: string } {
  const parts = raw.split(',').map((p) => p.trim());
  if (parts.every((p) => p === '')) return { error: `--fail-on: expected a comma list of ${VERDICTS.join('|')}, got nothing` };
  const verdicts = new Set<Verdict>();
  for (const p of parts) {
    if (p === '') continue;
    if (!(VERDICTS as readonly string[]).includes(p)) return { error: `--fail-on: '${p.slice(0, 80)}' is not a verdict (expected ${VERDICTS.join('|')})` };
    verdicts.add(p as Verdict);
  }
  return { verdicts };
}

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
