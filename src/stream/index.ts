/**
 * Streaming analysis of many inputs with bounded memory.
 *
 * Inputs are pulled from the source only while fewer than `concurrency` are
 * in flight (started and not yet consumed), so a slow consumer stops the
 * reading (backpressure) and memory stays bounded whatever the input size.
 * Results come out in input order. With `workers > 0` the analysis runs in a
 * pool of worker threads that import the built library (dist/index.js).
 */
import type { AnalyzeOptions } from '../analyze/options.js';
import { streamInputLabel, streamInputProblem } from '../analyze/args.js';
import { OmlError, isOmlError } from '../errors.js';
import { withLimits } from '../limits.js';
import type { Analysis } from '../types.js';
import { WorkerPool, builtLibrary } from './pool.js';
import { runTask, type StreamInput, type TaskOutput } from './task.js';

export type { StreamInput } from './task.js';

export interface StreamOptions extends AnalyzeOptions {
  /** Most inputs in flight at once (read, being analysed, or done but not yet consumed). Default: 4 per worker, or 8. */
  concurrency?: number;
  /** Worker threads (0 = analyse in this thread, the default). Needs the built package (dist/index.js). */
  workers?: number;
}

export interface StreamItem {
  path: string;
  result?: Analysis;
  error?: OmlError;
}

type Settled = { path: string; out?: TaskOutput; error?: OmlError; fatal?: unknown };

function positiveInt(v: number | undefined, name: string, fallback: number, min: number): number {
  if (v === undefined) return fallback;
  if (!Number.isInteger(v) || v < min) throw new OmlError('USAGE', `analyzeStream: ${name} must be an integer >= ${min}, got ${v}`);
  return v;
}

/**
 * Analyses every input of `files` (paths of files or model folders, or
 * `{ path, text }` held in memory) and yields one item per input, in order:
 * `{ path, result }` or `{ path, error }` for an OmlError (the stream goes on).
 * Errors other than OmlError are bugs and end the stream by throwing.
 * When the bytes read exceed `limits.maxTotalBytes`, the stream throws
 * OmlError('LIMIT') after the inputs already analysed.
 */
export async function* analyzeStream(
  files: AsyncIterable<StreamInput> | Iterable<StreamInput>,
  opts: StreamOptions = {},
): AsyncIterable<StreamItem> {
  if (files === null || typeof files !== 'object' || typeof files === 'string' || !(Symbol.asyncIterator in files || Symbol.iterator in files)) {
    throw new OmlError('USAGE', `analyzeStream: files: expected an iterable or async iterable of inputs, got ${files === null ? 'null' : typeof files}`);
  }
  if (opts === null || typeof opts !== 'object') throw new OmlError('USAGE', 'analyzeStream: options: expected an object');
  const { concurrency, workers, ...analyzeOpts } = opts;
  const nWorkers = positiveInt(workers, 'workers', 0, 0);
  const bound = positiveInt(concurrency, 'concurrency', nWorkers > 0 ? nWorkers * 4 : 8, 1);
  const maxTotal = withLimits(analyzeOpts.limits).maxTotalBytes;

  let pool: WorkerPool | null = null;
  if (nWorkers > 0) {
    const lib = builtLibrary();
    if (!lib) throw new OmlError('USAGE', 'analyzeStream: workers need the built package (dist/index.js); run `npm run build` or use workers: 0');
    pool = new WorkerPool(nWorkers, analyzeOpts, lib);
  }
  const run = (input: StreamInput): Promise<TaskOutput> => (pool ? pool.run(input) : runTask(input, analyzeOpts));

  let index = 0;
  const start = (input: StreamInput): Promise<Settled> => {
    const path = streamInputLabel(input, index++);
    // an item that is not a valid input becomes an error item naming it, not a crash
    const problem = streamInputProblem(input);
    if (problem) return Promise.resolve({ path, error: new OmlError('USAGE', `analyzeStream: ${problem}`, { file: path }) });
    return run(input).then(
      (out) => ({ path, out }),
      (e: unknown) => (isOmlError(e) ? { path, error: e } : { path, fatal: e }),
    );
  };

  const source = Symbol.asyncIterator in files
    ? (files as AsyncIterable<StreamInput>)[Symbol.asyncIterator]()
    : (files as Iterable<StreamInput>)[Symbol.iterator]();
  const queue: Array<Promise<Settled>> = [];
  let exhausted = false;
  let total = 0;
  try {
    for (;;) {
      while (!exhausted && queue.length < bound) {
        const next = await source.next();
        if (next.done) exhausted = true;
        else queue.push(start(next.value));
      }
      const head = queue.shift();
      if (!head) break;
      const s = await head;
      if (s.fatal !== undefined) throw s.fatal;
      if (s.error) {
        yield { path: s.path, error: s.error };
        continue;
      }
      total += s.out!.bytes;
      if (total > maxTotal) {
        throw new OmlError('LIMIT', `analysed more than ${maxTotal} bytes in one stream (maxTotalBytes); raise limits.maxTotalBytes`, { file: s.path });
      }
      yield { path: s.path, result: s.out!.result };
    }
  } finally {
    // settle what is still running so no rejection goes unhandled, then stop the workers
    await Promise.allSettled(queue);
    if (pool) await pool.close();
    if (!exhausted) await source.return?.();
  }
}
