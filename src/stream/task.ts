import { stat } from 'node:fs/promises';
import { analyzePath, analyzeText } from '../analyze/index.js';
import type { AnalyzeOptions } from '../analyze/options.js';
import { decodeBytes } from '../read/decode.js';
import type { Analysis } from '../types.js';

/** One input of analyzeStream: a path (file or model folder), or a path with its text already in memory. */
export type StreamInput = string | { path: string; text?: string };

/** What one analysed input produced, and how many bytes were read for it (for maxTotalBytes). */
export interface TaskOutput {
  result: Analysis;
  bytes: number;
}

/** Sum of the sizes of the files an analysis read (folders: every file of the subject). */
export async function subjectBytes(result: Analysis): Promise<number> {
  let total = 0;
  for (const f of result.subject.files) {
    try {
      total += (await stat(f.path)).size;
    } catch {
      // vanished or unreadable: it was reported as a warning by the analysis
    }
  }
  return total;
}

/**
 * Analyses one stream input in this thread. A text is decoded like file bytes
 * (size limit, binary refusal, CRLF), so `{ path, text }` and a file holding
 * the same text give the same Analysis. The worker threads (worker.ts) run
 * this very function; test/stream checks both modes against analyzeText.
 * `pathRun` (a worker's sameTextRun) analyses a path in its place: the same Analysis, a text met again
 * in the run reused.
 */
export async function runTask(input: StreamInput, opts: AnalyzeOptions, pathRun?: (path: string) => Promise<Analysis>): Promise<TaskOutput> {
  if (typeof input !== 'string' && typeof input.text === 'string') {
    const src = decodeBytes(Buffer.from(input.text, 'utf8'), input.path, opts.limits);
    return { result: analyzeText(src, opts), bytes: src.bytes };
  }
  const path = typeof input === 'string' ? input : input.path;
  const result = await (pathRun ? pathRun(path) : analyzePath(path, opts));
  return { result, bytes: await subjectBytes(result) };
}
