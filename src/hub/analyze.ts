/**
 * A Hub model analysed as a model folder: its snapshot folder in the cache is
 * given to analyzePath, with the lineage resolved through the Hub.
 */
import { analyzePath } from '../analyze/paths.js';
import { assemble } from '../analyze/assemble.js';
import type { AnalyzeOptions } from '../analyze/options.js';
import type { WarningCode } from '../message-codes.js';
import type { Analysis, Warning } from '../types.js';
import { formatHubId, parseRepoId, type HubId } from './id.js';
import { resolveLineage, type LineageNode } from './lineage.js';
import { resolveHubModel, type HubContext, type HubModel, type HubOutcome } from './resolve.js';

export interface HubAnalysis {
  id: HubId;
  outcome: HubOutcome['status'];
  /** The analysis (tier unknown with a warning saying why when the model could not be read). */
  analysis: Analysis;
  model: HubModel | null;
  /** Why the model could not be read (gated, missing, not cached offline). */
  message: string | null;
  /** Base models resolved through the Hub. */
  lineage: LineageNode[];
}

const WARNING_CODE: Record<Exclude<HubOutcome['status'], 'ok'>, WarningCode> = {
  gated: 'HUB_GATED',
  'not-found': 'HUB_NOT_FOUND',
  'revision-not-found': 'HUB_REVISION_NOT_FOUND',
  uncached: 'HUB_NOT_CACHED',
};

/** An unknown analysis for a model that could not be read, carrying the reason as a warning. */
export function unreadableAnalysis(id: HubId, code: Warning['code'], message: string, opts: AnalyzeOptions): Analysis {
  const subject = { path: formatHubId(id), kind: 'model-folder' as const, files: [] };
  return assemble({ subject, licenseDocs: [], policyDocs: [], noticeDocs: [], card: null, warnings: [{ code, message, path: subject.path }] }, opts);
}

export async function analyzeHubId(id: HubId, ctx: HubContext, opts: AnalyzeOptions = {}): Promise<HubAnalysis> {
  const out = await resolveHubModel(id, ctx);
  if (out.status !== 'ok') {
    return { id, outcome: out.status, analysis: unreadableAnalysis(id, WARNING_CODE[out.status], out.message, opts), model: null, message: out.message, lineage: [] };
  }
  const own = (m: HubModel) => analyzePath(m.dir, { ...opts, profile: undefined, knownModels: undefined });
  const lineage = await resolveLineage(out.model, {
    resolve: (repo) => resolveHubModel(parseRepoId(repo)!, ctx),
    analyze: own,
    maxDepth: ctx.settings.maxLineageDepth,
    maxModels: ctx.settings.maxLineageModels,
  });
  const analysis = await analyzePath(out.model.dir, { ...opts, knownModels: lineage.known });
  analysis.subject = { ...analysis.subject, path: `${formatHubId(id)}@${out.model.meta.sha}`.replace(`@${id.revision}@`, '@') };
  analysis.warnings.push(...lineage.warnings);
  for (const s of out.model.meta.skipped) analysis.warnings.push({ code: 'HUB_SKIPPED', message: `${s.path} on the Hub was not read: ${s.reason}`, path: s.path });
  return { id, outcome: 'ok', analysis, model: out.model, message: null, lineage: [...lineage.nodes.values()] };
}
