/**
 * Every regex the project proves free of catastrophic backtracking, one list.
 * A module whose regexes should be proven adds its set here; the proof test
 * (test/extract/redos.test.ts) and `npm run generate` (scripts/generate/redos-proofs.ts) both read this list.
 */
import { loadRules } from '../../src/extract/index.js';
import { REF_REGEXES } from '../../src/policy/source-refs.js';
import { changesLexicon } from '../../src/analyze/changes.js';
import { FOLD_PATTERNS } from '../../src/parse/fold.js';
import { NUMBER_PATTERNS } from '../../src/parse/numbers.js';
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

/** Text folding (src/parse/fold.ts, numbers.ts) and the harmless-passage patterns of data/lexicons/changes.yaml. */
export function readingRegexes(): ProvenRegex[] {
  const list = (name: string, res: readonly RegExp[]) => res.map((re, i) => ({ where: `${name}.${i}`, source: re.source, flags: re.flags }));
  return [
    ...list('parse/fold FOLD_PATTERNS', FOLD_PATTERNS),
    ...list('parse/numbers NUMBER_PATTERNS', NUMBER_PATTERNS),
    ...list('data/lexicons/changes.yaml harmless', changesLexicon().harmless),
  ];
}

/** All proven regexes; with `onlyRules`, only those rules' (quick work on a few rules). */
export function provenRegexes(onlyRules?: readonly string[]): ProvenRegex[] {
  return onlyRules ? ruleRegexes(onlyRules) : [...ruleRegexes(), ...sourceRefRegexes(), ...readingRegexes()];
}
