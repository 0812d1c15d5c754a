/**
 * Loads and validates rule files. Every problem across every file is reported
 * at once as one OmlError('RULES').
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { OmlError } from '../errors.js';
import { dataPath } from '../paths.js';
import { YAML_MAX_ALIASES } from '../limits.js';
import { sourceFiles } from '../compiled/index.js';
import { NormalizeTablesSchema, RuleSchema, TERM_FIELDS, type NormalizeTables, type Rule } from './schema.js';
import { NoneCondSchema } from './clause/schema.js';

export const NORMALIZE_FILE = '_normalize.yaml';
/** Named `none` constraints of clause rules (rules/README.md, "Named constraints"). */
export const CONSTRAINTS_FILE = '_constraints.yaml';

/** The package's rules/ folder (see paths.ts packageRoot). */
let rulesDir: string | undefined;
export function defaultRulesDir(): string {
  // found once per process (every extraction asks; the package root is fixed for the process too)
  if (rulesDir !== undefined) return rulesDir;
  const dir = dataPath('rules');
  if (!existsSync(path.join(dir, NORMALIZE_FILE))) throw new OmlError('RULES', 'cannot find the rules/ folder');
  return (rulesDir = dir);
}

/** Rule files under dir (recursive), sorted; files whose name starts with "_" are data, not rules. */
export function listRuleFiles(dir: string): string[] {
  return sourceFiles(dir, /\.ya?ml$/).filter((p) => !path.basename(p).startsWith('_'));
}

export interface RuleProblem { file: string; path: string; message: string }

function zodProblems(file: string, error: { issues: Array<{ path: PropertyKey[]; message: string }> }): RuleProblem[] {
  return error.issues.map((i) => ({ file, path: i.path.map(String).join('.') || '(root)', message: i.message }));
}

function namedGroups(regex: string): Set<string> {
  const names = new Set<string>();
  for (const m of regex.matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)) names.add(m[1]!);
  return names;
}

/** Checks that cannot be expressed in the zod schema: regexes compile, `from` groups exist, ids unique. */
function semanticProblems(file: string, rule: Rule): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const groups = new Set<string>();
  const check = (list: Rule['patterns'], key: string) => list.forEach((p, i) => {
    try {
      new RegExp(p.regex, p.flags + 'g');
    } catch (e) {
      problems.push({ file, path: `${key}.${i}.regex`, message: `invalid regex: ${(e as Error).message}` });
    }
    if (key === 'patterns') for (const g of namedGroups(p.regex)) groups.add(g);
  });
  check(rule.patterns, 'patterns');
  check(rule.unless, 'unless');
  for (const f of TERM_FIELDS) {
    const spec = rule.fields[f];
    if (!spec) continue;
    if (spec.from && !groups.has(spec.from)) {
      problems.push({ file, path: `fields.${f}.from`, message: `no pattern has a capture group named "${spec.from}"` });
    }
    if (spec.type === 'const' && spec.value === undefined) {
      problems.push({ file, path: `fields.${f}.value`, message: 'a const field needs a value' });
    }
  }
  if (rule.term.kind === 'threshold' && !rule.fields.value && rule.clause?.threshold === undefined) {
    problems.push({ file, path: 'fields.value', message: 'a threshold rule must fill value' });
  }
  return problems;
}

function readYaml(file: string, problems: RuleProblem[], shown = file): unknown {
  try {
    return parseYaml(readFileSync(file, 'utf8'), { maxAliasCount: YAML_MAX_ALIASES });
  } catch (e) {
    problems.push({ file: shown, path: '(file)', message: (e as Error).message.split('\n')[0]! });
    return undefined;
  }
}

function fail(problems: RuleProblem[]): never {
  const list = problems.map((p) => `  ${p.file} ${p.path}: ${p.message}`).join('\n');
  const err = new OmlError('RULES', `${problems.length} problem(s) in rule files:\n${list}`);
  (err as OmlError & { problems?: RuleProblem[] }).problems = problems;
  throw err;
}

type Named = Map<string, unknown>;

/** rules/_constraints.yaml: name -> a `none` constraint, each validated (an absent file names nothing). */
function loadNamed(dir: string, problems: RuleProblem[]): Named {
  const file = path.join(dir, CONSTRAINTS_FILE);
  const named: Named = new Map();
  if (!existsSync(file)) return named;
  const raw = readYaml(file, problems, CONSTRAINTS_FILE);
  if (raw === undefined) return named;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ file: CONSTRAINTS_FILE, path: '(root)', message: 'expected a map of name -> constraint' });
    return named;
  }
  for (const [name, value] of Object.entries(raw)) {
    const parsed = NoneCondSchema.safeParse(value);
    if (!parsed.success) problems.push(...zodProblems(CONSTRAINTS_FILE, parsed.error).map((p) => ({ ...p, path: `${name}.${p.path}` })));
    else named.set(name, value);
  }
  return named;
}

/** Replaces each `{ use: name }` of a rule's clause.none by the named constraint; an unknown name is a problem. */
function resolveNamed(raw: unknown, named: Named, file: string, problems: RuleProblem[]): unknown {
  const clause = (raw as { clause?: { none?: unknown } } | null)?.clause;
  if (!clause || !Array.isArray(clause.none)) return raw;
  const none = clause.none.map((c: unknown, i: number) => {
    const use = (c as { use?: unknown } | null)?.use;
    if (use === undefined) return c;
    if (typeof use === 'string' && named.has(use) && Object.keys(c as object).length === 1) return structuredClone(named.get(use));
    problems.push({ file, path: `clause.none.${i}.use`, message: named.has(String(use)) ? '"use" stands alone' : `no constraint named "${String(use)}" in ${CONSTRAINTS_FILE}` });
    return c;
  });
  return { ...(raw as object), clause: { ...clause, none } };
}

/** Loads every rule under dir (default: the package's rules/). Throws one OmlError('RULES') listing all problems. */
export function loadRules(dir: string = defaultRulesDir()): Rule[] {
  const problems: RuleProblem[] = [];
  const rules: Rule[] = [];
  const seen = new Map<string, string>();
  const named = loadNamed(dir, problems);
  for (const file of listRuleFiles(dir)) {
    const rel = path.relative(dir, file);
    const before = problems.length;
    const raw = resolveNamed(readYaml(file, problems, rel), named, rel, problems);
    if (raw === undefined || problems.length > before) continue;
    const parsed = RuleSchema.safeParse(raw);
    if (!parsed.success) { problems.push(...zodProblems(rel, parsed.error)); continue; }
    const rule = parsed.data;
    const sem = semanticProblems(rel, rule);
    if (sem.length) { problems.push(...sem); continue; }
    const prev = seen.get(rule.id);
    if (prev) { problems.push({ file: rel, path: 'id', message: `duplicate id "${rule.id}" (also in ${prev})` }); continue; }
    seen.set(rule.id, rel);
    rules.push(rule);
  }
  if (problems.length) fail(problems);
  return rules;
}

/** Loads rules/_normalize.yaml (the normalizer tables). */
export function loadNormalizeTables(dir: string = defaultRulesDir()): NormalizeTables {
  const file = path.join(dir, NORMALIZE_FILE);
  const problems: RuleProblem[] = [];
  const raw = existsSync(file) ? readYaml(file, problems, NORMALIZE_FILE) : undefined;
  if (!existsSync(file)) problems.push({ file: NORMALIZE_FILE, path: '(file)', message: 'missing' });
  if (problems.length) fail(problems);
  const parsed = NormalizeTablesSchema.safeParse(raw);
  if (!parsed.success) fail(zodProblems(NORMALIZE_FILE, parsed.error));
  return parsed.data;
}
