/** Policy stage: `oml check` as a library (config, discovery, source references, judging, report schema). */
export { checkDirectory, type CheckOptions } from './run.js';
export { loadConfig, parseConfig, ConfigSchema, DEFAULT_POLICY, type CheckConfig, type LoadedConfig, type Policy, type Waiver } from './config.js';
export { discoverModels, SKIP_DIRS, type Discovery, type DiscoveredModel, type DiscoverOptions } from './discover.js';
export { findSourceRefs, findRefsInText, type SourceRef, type RefKind } from './source-refs.js';
export { judgeModel, sortResults, type JudgeSubject, type JudgeContext } from './judge.js';
export { CheckReportSchema, checkReportJsonSchema, RULE_IDS, type CheckReport, type ModelResult, type Finding, type RuleId } from './report-schema.js';
