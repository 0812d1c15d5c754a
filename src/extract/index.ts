export { extractTerms, type ExtractOptions } from './engine.js';
export { getRules, compileRules, type CompiledRules, type CompiledRule } from './compile.js';
export { loadRules, loadNormalizeTables, listRuleFiles, defaultRulesDir, type RuleProblem } from './load.js';
export { splitSentences, locate as positionAt } from '../parse/sentences.js';
export { makeNormalizers, type Normalizers } from './normalize.js';
export { RuleSchema, NormalizeTablesSchema, type Rule, type NormalizeTables, type FieldSpec, type Expect } from './schema.js';
