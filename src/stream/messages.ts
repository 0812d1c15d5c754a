/**
 * The messages between the worker pool (pool.ts) and its worker threads
 * (worker.ts). Only structured-cloneable data crosses: an OmlError travels as
 * its fields and is rebuilt on the main thread.
 */
import type { AnalyzeOptions } from '../analyze/options.js';
import type { OmlErrorCode } from '../errors.js';
import type { TaskOutput } from './task.js';

/** What the worker threads receive once, at start-up (`workerData`). */
export interface WorkerData {
  opts: AnalyzeOptions;
}

/** One task: a path, or a path with its text in memory. */
export interface TaskMessage {
  id: number;
  path: string;
  text?: string;
}

/** The answer to one task: its output, an OmlError's fields, or the stack of any other error (a bug). */
export interface Reply {
  id: number;
  result?: TaskOutput['result'];
  bytes?: number;
  error?: { code: OmlErrorCode; message: string; file?: string; line?: number };
  fatal?: string;
}
