/**
 * Paths to analyses: a file or a folder (analyzePath), many paths of one run (analyzePaths), the calls of a
 * worker thread (sameTextRun). A file met again in a run, or stored by an earlier run (result cache), is
 * served by the same-text memo (dedupe.ts, result-cache.ts) without loading the analysis pipeline
 * (pipeline.ts), which is imported on the first path that needs it.
 */
import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fsError, isOmlError, type OmlError } from '../errors.js';
import { fastPathsOn } from '../fast-path.js';
import { readBytesSync } from '../read/file.js';
import { decodeBytes } from '../read/decode.js';
import type { Analysis } from '../types.js';
import { budgetOf, type AnalyzeOptions } from './options.js';
import { ResultCache } from './result-cache.js';
import { checkOptions, checkPath, checkPaths } from './args.js';
import { SameTextMemo } from './dedupe.js';

type Pipeline = typeof import('./pipeline.js');
let loaded: Pipeline | null = null;
/** The analysis pipeline, imported once. */
async function pipeline(): Promise<Pipeline> {
  return (loaded ??= await import('./pipeline.js'));
}
/** The loaded pipeline's analyzeRead (a memo calls it only after pathAnalysis loaded the pipeline). */
const analyzeRead: Pipeline['analyzeRead'] = (src, opts) => loaded!.analyzeRead(src, opts);

/** Analyse a file or a directory (one model folder). */
export async function analyzePath(path: string, opts: AnalyzeOptions = {}): Promise<Analysis> {
  checkPath('analyzePath', path);
  checkOptions('analyzePath', opts);
  return pathAnalysis(path, opts, null);
}

/**
 * analyzePath for the many calls of one run (a worker thread of the pool, src/stream/worker.ts): a file met
 * again (same bytes and file name, SameTextMemo) is analysed once and re-stamped, exactly as analyzePaths
 * does in one thread; without the fast paths (OML_NO_FASTPATH=1) every call is analyzePath.
 */
export function sameTextRun(opts: AnalyzeOptions = {}): (path: string) => Promise<Analysis> {
  const memo = fastPathsOn() ? new SameTextMemo((src) => analyzeRead(src, opts), storedResults(opts)) : null;
  return async (path) => {
    checkPath('analyzePath', path);
    checkOptions('analyzePath', opts);
    return pathAnalysis(path, opts, memo);
  };
}

/** analyzePath after its checks; a file's text through `memo` when given (the same text analysed once per run). */
async function pathAnalysis(path: string, opts: AnalyzeOptions, memo: SameTextMemo | null): Promise<Analysis> {
  let st;
  try {
    // a run over many paths stats and reads a file synchronously: on a busy machine each round trip through
    // libuv's thread pool (stat, open, fstat, read, close) waited ~2 ms, far more than the work (files are bounded by maxFileBytes)
    st = memo ? statSync(path) : await stat(path);
  } catch (e) {
    throw fsError(e, path, 'file or directory');
  }
  if (st.isDirectory()) return (await pipeline()).analyzeFolder(path, opts);
  if (!memo) return (await pipeline()).analyzeFile(path, opts);
  const bytes = readBytesSync(path, opts.limits, budgetOf(opts));
  const decode = (b: Uint8Array) => decodeBytes(b, path, opts.limits);
  // a copy met before (in this run or stored by an earlier one) needs no pipeline
  const copy = memo.copy(path, bytes);
  if (copy) return copy;
  await pipeline();
  return memo.runFile(path, bytes, decode);
}

/** The result cache the options ask for, opened (null without one, with the fast paths off, or run from the sources). */
function storedResults(opts: AnalyzeOptions): ResultCache | null {
  if (opts.resultCache === undefined || !fastPathsOn()) return null;
  const { resultCache, budget: _budget, ...rest } = opts;
  return ResultCache.open(resultCache, rest);
}

/**
 * Analyse several paths; one bad input does not stop the others, except the
 * run's total-bytes budget (maxTotalBytes) running out: that LIMIT error is
 * the last one and the remaining paths are not read.
 */
export async function analyzePaths(pathsIn: string[], opts: AnalyzeOptions = {}): Promise<{ results: Analysis[]; errors: OmlError[] }> {
  const paths = checkPaths('analyzePaths', pathsIn);
  checkOptions('analyzePaths', opts);
  const results: Analysis[] = [];
  const errors: OmlError[] = [];
  const run = { ...opts, budget: budgetOf(opts) };
  // several paths: a text met again (a LICENSE copied into many folders) is analysed once (src/analyze/dedupe.ts);
  // with a result cache, also a text analysed by an earlier run (src/analyze/result-cache.ts)
  const stored = storedResults(opts);
  const memo = (paths.length > 1 || stored) && fastPathsOn() ? new SameTextMemo((src) => analyzeRead(src, run), stored) : null;
  for (const p of paths) {
    try {
      results.push(await pathAnalysis(p, run, memo));
    } catch (e) {
      if (!isOmlError(e)) throw e;
      errors.push(e);
      if (e.code === 'LIMIT') break; // the run's byte budget is spent: later paths are not read
    }
  }
  return { results, errors };
}
