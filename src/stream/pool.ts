import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnalyzeOptions } from '../analyze/options.js';
import { OmlError } from '../errors.js';
import { dataPath } from '../paths.js';
import type { Reply, TaskMessage, WorkerData } from './messages.js';
import type { StreamInput, TaskOutput } from './task.js';

/** The worker threads' entry, built by tsup from worker.ts next to the library. */
const WORKER_ENTRY = 'stream-worker.js';
/** Names and sizes remembered for routing copies (more: forgotten, and copies may then be read twice). */
const MAX_STICKY = 65_536;

/**
 * The built ESM library (dist/index.js), or null when the package is not built
 * or its worker entry (dist/stream-worker.js) is missing.
 */
export function builtLibrary(): string | null {
  const file = dataPath('dist', 'index.js');
  return existsSync(file) && existsSync(dataPath('dist', WORKER_ENTRY)) ? pathToFileURL(file).href : null;
}

interface Pending {
  resolve: (o: TaskOutput) => void;
  reject: (e: unknown) => void;
  /** The input's path: every error names it. */
  path: string;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

/** Rebuilds an OmlError that crossed a thread boundary (keeping its already-prefixed message). */
function rebuild(e: NonNullable<Reply['error']>, path: string): OmlError {
  const err = new OmlError(e.code, '', { file: e.file ?? path, line: e.line });
  err.message = e.file ? e.message : `${path}: ${e.message}`;
  return err;
}

/**
 * A fixed pool of worker threads, each running the built worker entry (found
 * beside `lib`, the built library's URL). A task goes
 * to the worker with the fewest pending tasks; the caller bounds how many are
 * pending in total (analyzeStream's concurrency).
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private nextId = 0;
  /** The worker that got a file of this name and size first (see slotFor). */
  private readonly sticky = new Map<string, Slot>();

  constructor(size: number, opts: AnalyzeOptions, lib: string) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL(WORKER_ENTRY, lib), { workerData: { opts } satisfies WorkerData });
      const slot: Slot = { worker, pending: new Map() };
      worker.on('message', (m: Reply) => {
        const p = slot.pending.get(m.id);
        if (!p) return;
        slot.pending.delete(m.id);
        if (m.error) p.reject(rebuild(m.error, p.path));
        else if (m.fatal !== undefined) p.reject(new Error(`analyzeStream worker failed on ${p.path}: ${m.fatal}`));
        else p.resolve({ result: m.result!, bytes: m.bytes ?? 0 });
      });
      const failAll = (e: unknown) => {
        for (const p of slot.pending.values()) p.reject(new Error(`analyzeStream worker failed on ${p.path}: ${e instanceof Error ? e.message : String(e)}`, { cause: e }));
        slot.pending.clear();
      };
      worker.on('error', failAll);
      worker.on('exit', (code) => failAll(new Error(`worker exited with code ${code}`)));
      this.slots.push(slot);
    }
  }

  /**
   * Where a task goes: a file of a name and size met before in this stream goes to the worker that got the
   * first one (a copy of the same text is then analysed once, by that worker's same-text memo); anything
   * else to the worker with the fewest pending tasks. Which worker runs a task changes no result.
   */
  private slotFor(input: StreamInput): Slot {
    let key: string | null = null;
    if (typeof input === 'string') {
      try {
        const st = statSync(input);
        if (st.isFile()) key = `${st.size}\0${basename(input)}`;
      } catch {
        /* the worker reports it */
      }
    }
    const known = key === null ? undefined : this.sticky.get(key);
    if (known) return known;
    let slot = this.slots[0]!;
    for (const s of this.slots) if (s.pending.size < slot.pending.size) slot = s;
    if (key !== null) {
      if (this.sticky.size >= MAX_STICKY) this.sticky.clear(); // a stream's memory stays bounded
      this.sticky.set(key, slot);
    }
    return slot;
  }

  run(input: StreamInput): Promise<TaskOutput> {
    const slot = this.slotFor(input);
    const id = this.nextId++;
    const msg: TaskMessage = typeof input === 'string' ? { id, path: input } : { id, path: input.path, text: input.text };
    return new Promise<TaskOutput>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject, path: msg.path });
      slot.worker.postMessage(msg);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
