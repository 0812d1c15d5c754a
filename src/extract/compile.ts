/**
 * Compiles validated rules once into a matcher: one keyword automaton (the
 * prefilter) plus each rule's regexes.
 */
import type { Rule, NormalizeTables } from './schema.js';
import { makeNormalizers, type Normalizers } from './normalize.js';
import { defaultRulesDir, loadNormalizeTables, loadRules } from './load.js';
import { acceptedDigest, readCompiled, sourceFiles } from '../compiled/index.js';
import { buildKeywords, type KeywordAutomaton } from './keywords.js';
import { readStoredKeywords } from './keywords-store.js';
import { buildClausePrefilter, type ClausePrefilter } from './prefilter.js';
import { storedClausePrefilter } from './reader-store.js';

export interface CompiledRule {
  rule: Rule;
  patterns: RegExp[];
  /** `unless` patterns tested on the sentence (and on "lead-in + item"). */
  unless: RegExp[];
  /** `unless` patterns with `on: lead-in`: tested on a list item's lead-in only. */
  unlessLeadIn: RegExp[];
}

export interface CompiledRules {
  rules: CompiledRule[];
  /** Every keyword (lowercase, single spaces), longest first. */
  keywords: string[];
  /** The automaton that finds them all in one pass (see keywords.ts). */
  keywordAutomaton: KeywordAutomaton;
  /** For keyword index k: the rules that listed keywords[k]. */
  rulesFor: number[][];
  /** Indices of the clause-form rules (read on every sentence by the clause reader). */
  clauseRules: number[];
  /** Ids of the clause-form rules. */
  clauseRuleIds: ReadonlySet<string>;
  /** For each rule: "kind/name" of the term it finds. */
  termIds: string[];
  /** Which clause rules a sentence's words can trigger (prefilter.ts), built on first use. */
  clausePrefilter: () => ClausePrefilter;
  norm: Normalizers;
}

/**
 * `compiledDigest`: the digest of the sources the rules were compiled from, when they are the package's
 * compiled rules (dist/data/rules.json) accepted in this run; the build's stored prefilter is used only then.
 */
export function compileRules(rules: Rule[], tables: NormalizeTables, compiledDigest?: string): CompiledRules {
  const byKeyword = new Map<string, Set<number>>();
  rules.forEach((r, i) => {
    for (const k of r.keywords) {
      if (!byKeyword.has(k)) byKeyword.set(k, new Set());
      byKeyword.get(k)!.add(i);
    }
  });
  const keywords = [...byKeyword.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const rulesFor = keywords.map((k) => [...byKeyword.get(k)!].sort((a, b) => a - b));
  const clauseRules = rules.flatMap((r, i) => (r.clause ? [i] : []));
  let prefilter: ClausePrefilter | undefined;
  return {
    rules: rules.map((rule) => ({
      rule,
      patterns: rule.patterns.map((p) => new RegExp(p.regex, p.flags + 'g')),
      unless: rule.unless.filter((p) => p.on !== 'lead-in').map((p) => new RegExp(p.regex, p.flags)),
      unlessLeadIn: rule.unless.filter((p) => p.on === 'lead-in').map((p) => new RegExp(p.regex, p.flags)),
    })),
    keywords,
    // the build's compiled automaton when made from exactly these keywords (keywords-store.ts), else built here
    keywordAutomaton: readStoredKeywords(keywords) ?? buildKeywords(keywords),
    rulesFor,
    clauseRules,
    termIds: rules.map((r) => `${r.term.kind}/${r.term.name}`),
    // lazily: the reader's lexicon is loaded only by a run that reads sentences; the build's prefilter
    // (reader-store.ts) when made from these rules, else built here
    clausePrefilter: () => (prefilter ??= storedClausePrefilter(compiledDigest, clauseRules, clauseRules.map((i) => rules[i]!.id))
      ?? buildClausePrefilter(rules, clauseRules)),
    clauseRuleIds: new Set(rules.filter((r) => r.clause).map((r) => r.id)),
    norm: makeNormalizers(tables),
  };
}

const cache = new Map<string, CompiledRules>();

/** Files the compiled rules are keyed on (every YAML under rules/, _normalize.yaml included). */
export const RULE_SOURCES = /\.ya?ml$/;

/** What the build stores in dist/data/rules.json. */
export interface RulesData { rules: Rule[]; tables: NormalizeTables }

/** Validated rules and tables from dir (for the build's compiled copy). */
export function loadRulesData(dir: string = defaultRulesDir()): RulesData {
  return { rules: loadRules(dir), tables: loadNormalizeTables(dir) };
}

/** Loads, validates and compiles the rules in dir (default: the package's rules/), once per dir. */
export function getRules(dir: string = defaultRulesDir()): CompiledRules {
  let c = cache.get(dir);
  if (!c) {
    const compiled = dir === defaultRulesDir() ? readCompiled<RulesData>('rules', dir, sourceFiles(dir, RULE_SOURCES)) : null;
    c = compiled ? compileRules(compiled.rules, compiled.tables, acceptedDigest('rules')) : compileRules(loadRules(dir), loadNormalizeTables(dir));
    cache.set(dir, c);
  }
  return c;
}
