/**
 * `oml analyze --fail-on VERDICTS`: exit 1 when a subject's commercial-use
 * verdict is one of them. Fail closed: `unknown` also matches a subject whose
 * license text oml did not recognise (what `oml check` fails as unknown-license),
 * whatever verdict the terms read from that text give. Parsing the flag is here; judging the results is in
 * fail-on-judge.ts, loaded only when the flag is given (it needs the text report's caution).
 */
import { VerdictSchema, type Analysis, type Verdict } from '../types.js';

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
