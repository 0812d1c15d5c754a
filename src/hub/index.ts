/** Models by id on the Hugging Face Hub: ids, settings, cache, resolution, lineage and analysis. */
export { parseHfArgument, parseRepoId, formatHubId, isCommitSha, HF_PREFIX, type HubId } from './id.js';
export { hubSettings, defaultCacheDir, type HubSettings, type SettingsOverrides } from './settings.js';
export { resolveHubModel, type HubContext, type HubModel, type HubOutcome } from './resolve.js';
export { analyzeHubId, type HubAnalysis } from './analyze.js';
export type { HubDocument, SnapshotMeta } from './cache.js';
export type { LineageNode } from './lineage.js';
