/**
 * open-model-license: public API.
 *
 * Pipeline (DESIGN.md): read -> parse -> identify -> extract -> assess -> policy -> report.
 */
export { analyzePath, analyzePaths, analyzeFile, analyzeFolder, analyzeText } from './analyze/index.js';
export type { AnalyzeOptions } from './analyze/index.js';
// argument-checked wrappers (OmlError USAGE on bad arguments): see public-api.ts
export { readSource, readSourceSync, decodeBytes, parseDocument, identifyText, resolveDeclared, resolveBaseModels, checkDirectory } from './public-api.js';
export { splitSentences } from './parse/sentences.js';
export { parseSpdxExpression } from './parse/spdx.js';
export { getCatalogEntry, listCatalog } from './catalog/index.js';
export { extractTerms } from './extract/engine.js';
export { loadRules } from './extract/load.js';
export { assessOpenness } from './assess/openness.js';
export { assessCommercialUse } from './assess/commercial.js';
export { renderAnalysisText } from './report/analysis-text.js';
export { OmlError, isOmlError } from './errors.js';
export type { OmlErrorCode } from './errors.js';
export { messageList, MESSAGE_CODES } from './messages.js';
export type { MessageCode, MessageEntry } from './messages.js';
export { DEFAULT_LIMITS } from './limits.js';
export type { Limits } from './limits.js';
export * from './types.js';
export {
  loadConfig, parseConfig, ConfigSchema, discoverModels, findSourceRefs, judgeModel,
  CheckReportSchema, checkReportJsonSchema,
} from './policy/index.js';
export { renderCheckText } from './report/check-text.js';
export { renderCheckJson } from './report/check-json.js';
export { renderCheckMarkdown } from './report/check-markdown.js';
export { renderCheckSarif } from './report/check-sarif.js';
export type { CheckOptions, CheckConfig, CheckReport, ModelResult, Finding } from './policy/index.js';
export { analysisJsonSchema } from './analyze/schema.js';
export { analyzeStream } from './stream/index.js';
export type { StreamOptions, StreamItem, StreamInput } from './stream/index.js';
export { analyzeHubId, hubSettings, parseHfArgument, parseRepoId, resolveHubModel } from './hub/index.js';
export type { HubAnalysis, HubContext, HubId, HubModel, HubOutcome, HubSettings } from './hub/index.js';
export { readLock, writeLock, normalizeLock, LockFileSchema, LOCK_FILE_NAME } from './lock/index.js';
export type { LockFile, LockEntry } from './lock/index.js';
export { runSurvey } from './survey/index.js';
export type { SurveyOptions, SurveyResult, SurveyRecord, Dimension } from './survey/index.js';
export { renderSurveyMarkdown } from './survey/render-markdown.js';
export { renderSurveyCsv } from './survey/render-csv.js';
export { renderSurveyHtml } from './survey/render-html.js';
