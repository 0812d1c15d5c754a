/**
 * `oml analyze` over many files: the analysis runs in a pool of worker threads (analyzeStream with
 * `workers`), with the same results and errors, in the same order, as analyzePaths in this thread.
 * Used only where both are sure to agree: every PATH is a regular file (no folder, no stdin, no Hub id),
 * and the files together fit in the run's byte budget (limits.maxTotalBytes), so no LIMIT error can
 * depend on the order in which threads read. OML_WORKERS sets the pool: unset, a pool of
 * min(cores - 1, MAX_AUTO_WORKERS) threads for at least POOL_MIN_FILES files on a machine with at least
 * MIN_AUTO_CORES cores (on 2 cores the pool costs more CPU than one thread: each worker loads and warms
 * its own library, and the main thread competes for the cores; session 9, 1,000 files with repeats at
 * load ~12: 2 workers 5.4 s wall / 5.8 s CPU, one thread 8.4 s / 4.1 s); `0`, never; `N`, N threads whenever
 * there are at least 2 files. Copies of a file go to one worker, which analyses the text once (pool.ts).
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { AnalyzeOptions } from '../analyze/options.js';
import { isOmlError, type OmlError } from '../errors.js';
import { withLimits } from '../limits.js';
import type { Analysis } from '../types.js';

/** Fewer files than this are analysed in this thread by default (starting a worker costs about one start-up). */
export const POOL_MIN_FILES = 200;
const MAX_AUTO_WORKERS = 4;
const MIN_AUTO_CORES = 4;
const MAX_WORKERS = 64;

/** OML_WORKERS read: undefined when unset, else the number, or an error naming the bad value. */
export function workersSetting(env: NodeJS.ProcessEnv = process.env): number | undefined | { error: string } {
  const set = env.OML_WORKERS;
  if (set === undefined || set === '') return undefined;
  const n = Number(set);
  if (!/^\d+$/.test(set) || n > MAX_WORKERS) return { error: `OML_WORKERS: expected an integer from 0 to ${MAX_WORKERS}, got ${JSON.stringify(set)}` };
  return n;
}

/** How many worker threads the run should use for these paths (0: none). */
export function poolSize(paths: string[], opts: AnalyzeOptions, env: NodeJS.ProcessEnv = process.env): number {
  const set = workersSetting(env);
  let n: number;
  if (set === undefined) {
    if (paths.length < POOL_MIN_FILES) return 0;
    const cores = availableParallelism();
    if (cores < MIN_AUTO_CORES) return 0;
    n = Math.min(cores - 1, MAX_AUTO_WORKERS);
  } else {
    if (typeof set !== 'number' || set === 0 || paths.length < 2) return 0;
    n = set;
  }
  if (opts.budget) return 0;
  // only regular files that fit in the byte budget together (a path that cannot be stat'ed is the same error either way)
  let total = 0;
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (!st.isFile()) return 0;
    total += st.size;
  }
  return total <= withLimits(opts.limits).maxTotalBytes ? n : 0;
}

/** analyzePaths through the worker pool (see poolSize for when it agrees with analyzePaths); null without a built library. */
export async function analyzePathsPooled(paths: string[], opts: AnalyzeOptions, workers: number): Promise<{ results: Analysis[]; errors: OmlError[] } | null> {
  const [{ analyzeStream }, { builtLibrary }] = await Promise.all([import('../stream/index.js'), import('../stream/pool.js')]);
  if (!builtLibrary()) return null;
  const results: Analysis[] = [];
  const errors: OmlError[] = [];
  try {
    for await (const item of analyzeStream(paths, { ...opts, workers })) {
      if (item.error) errors.push(item.error);
      else results.push(item.result!);
    }
  } catch (e) {
    if (!isOmlError(e)) throw e;
    errors.push(e);
  }
  return { results, errors };
}
