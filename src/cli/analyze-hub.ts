/**
 * `oml analyze` arguments that name Hub models (hf:org/name[@rev], or a bare
 * org/name that is not a local path) go to the Hub (--online) or the cache;
 * the others are analysed as paths. Results keep the order of the arguments.
 */
import type { AnalyzeOptions } from '../analyze/options.js';
import { OmlError, isOmlError } from '../errors.js';
import { formatHubId } from '../hub/id.js';
import { withLimits } from '../limits.js';
import { ReadBudget } from '../read/budget.js';
import type { Analysis } from '../types.js';
import { hubArgument, settingsFromFlags, type HubFlagValues } from './hub-flags.js';

type AnalyzePaths = (paths: string[], opts: AnalyzeOptions) => Promise<{ results: Analysis[]; errors: OmlError[] }>;

export async function analyzeArguments(args: string[], flags: HubFlagValues, optsIn: AnalyzeOptions, analyzePaths: AnalyzePaths): Promise<{ results: Analysis[]; errors: OmlError[] }> {
  const kinds = args.map(hubArgument);
  if (kinds.every((k) => k === null)) return analyzePaths(args, optsIn);
  // one byte budget (maxTotalBytes) for the whole run, Hub snapshots included
  const opts = { ...optsIn, budget: optsIn.budget ?? new ReadBudget(withLimits(optsIn.limits).maxTotalBytes) };
  const results: Analysis[] = [];
  const errors: OmlError[] = [];
  const hs = settingsFromFlags(flags);
  for (const [i, arg] of args.entries()) {
    const k = kinds[i]!;
    if (k === null) {
      const r = await analyzePaths([arg], opts);
      results.push(...r.results);
      errors.push(...r.errors);
      if (r.errors.some((e) => e.code === 'LIMIT')) break;
      continue;
    }
    if ('error' in k) { errors.push(new OmlError('USAGE', k.error)); continue; }
    if ('error' in hs) { errors.push(new OmlError('USAGE', hs.error)); continue; }
    try {
      // the Hub client and the analysis of a snapshot are loaded only for a Hub id
      const { analyzeHubId } = await import('../hub/analyze.js');
      const r = await analyzeHubId(k, { settings: hs.settings, maxFileBytes: withLimits(opts.limits).maxFileBytes }, opts);
      if (r.outcome === 'uncached') {
        errors.push(new OmlError('USAGE', flags.online ? r.message! : `${formatHubId(k)} is a Hub model id, not in the cache, and this run is offline: pass --online to fetch it from the Hub${arg.startsWith('hf:') ? '' : ` (or, if you meant a local path, ${arg} does not exist)`}`));
        continue;
      }
      if (r.message) process.stderr.write(`oml analyze: ${r.message}\n`);
      results.push(r.analysis);
    } catch (e) {
      if (!isOmlError(e)) throw e;
      errors.push(e);
      if (e.code === 'LIMIT') break; // the run's byte budget is spent
    }
  }
  return { results, errors };
}
