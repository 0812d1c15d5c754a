/**
 * Every regex the project proves free of catastrophic backtracking, one list.
 * A module whose regexes should be proven adds its set here; the proof test
 * (test/extract/redos.test.ts) and `npm run redos:record` both read this list.
 */
import { loadRules } from '../../src/extract/index.js';
import { REF_REGEXES } from '../../src/policy/source-refs.js';
import type { ProvenRegex } from './proofs.js';

/** Rule patterns and unless patterns (rules/**.yaml); `onlyRules` narrows to those rule ids. */
export function ruleRegexes(onlyRules?: readonly string[]): ProvenRegex[] {
  return loadRules().filter((r) => !onlyRules || onlyRules.includes(r.id)).flatMap((r) => [
    ...r.patterns.map((p, i) => ({ where: `rules/${r.id} patterns.${i}`, source: p.regex, flags: p.flags })),
    ...r.unless.map((p, i) => ({ where: `rules/${r.id} unless.${i}`, source: p.regex, flags: p.flags })),
  ]);
}

/** The model-reference finders of `oml check` (src/policy/source-refs.ts). */
export function sourceRefRegexes(): ProvenRegex[] {
  return REF_REGEXES.map((re, i) => ({ where: `source-refs REF_REGEXES.${i}`, source: re.source, flags: re.flags }));
}

/** All proven regexes; with `onlyRules`, only those rules' (quick work on a few rules). */
export function provenRegexes(onlyRules?: readonly string[]): ProvenRegex[] {
  return onlyRules ? ruleRegexes(onlyRules) : [...ruleRegexes(), ...sourceRefRegexes()];
}
