/**
 * Entry of the worker threads started by the worker pool (built by tsup into
 * dist/stream-worker.js; see pool.ts). Each task runs runTask(), the very
 * function analyzeStream runs in the main thread without workers, so both
 * modes give the same Analysis. Errors travel as plain fields (messages.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { sameTextRun } from '../analyze/paths.js';
import type { Analysis } from '../types.js';
import { isOmlError } from '../errors.js';
import type { Reply, TaskMessage, WorkerData } from './messages.js';
import { runTask } from './task.js';

async function answer(m: TaskMessage, data: WorkerData, pathRun: (path: string) => Promise<Analysis>): Promise<Reply> {
  try {
    const out = await runTask({ path: m.path, text: m.text }, data.opts, pathRun);
    return { id: m.id, result: out.result, bytes: out.bytes };
  } catch (e) {
    if (isOmlError(e)) return { id: m.id, error: { code: e.code, message: e.message, file: e.file, line: e.line } };
    return { id: m.id, fatal: e instanceof Error && e.stack ? e.stack : String(e) };
  }
}

if (parentPort) {
  const port = parentPort;
  const data = workerData as WorkerData;
  // a worker serves one stream (one set of options): a file met again in it is analysed once (the pool
  // sends copies of a file to the worker that read the first one, pool.ts)
  const pathRun = sameTextRun(data.opts);
  port.on('message', (m: TaskMessage) => {
    void answer(m, data, pathRun).then((r) => {
      try {
        port.postMessage(r);
      } catch (e) {
        // a result that cannot be cloned is a bug: report it for this task rather than crash the worker
        port.postMessage({ id: m.id, fatal: e instanceof Error && e.stack ? e.stack : String(e) } satisfies Reply);
      }
    });
  });
}
