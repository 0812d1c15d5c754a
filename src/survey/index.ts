/**
 * `oml survey`: the openness of a whole ecosystem by origin and year, from Hub
 * listings (JSON Lines), folders of model cards / model folders, or Epoch AI's
 * CSV. Inputs stream through the readers into one aggregator; nothing keeps a
 * list of records.
 */
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { OmlError } from '../errors.js';
import type { Limits } from '../limits.js';
import { SurveyAggregator } from './aggregate.js';
import { EPOCH_CREDIT, readEpoch } from './epoch.js';
import { readFolders } from './folders.js';
import { readHub, type InputProblem } from './hub.js';
import type { InputKind, SurveyResult } from './result.js';
import type { Dimension, SurveyRecord } from './types.js';

export type { SurveyResult, InputKind, Disagreement, Agreement, OpennessClass } from './result.js';
export type { SurveyRecord, Dimension } from './types.js';
export { DIMENSIONS } from './types.js';
export { parseDimensions, instructive } from './aggregate.js';
export { matchLicenseName } from './names.js';

export interface SurveyOptions {
  by?: Dimension[];
  limits?: Partial<Limits>;
  /** Worker threads for folder inputs (0 = this thread). */
  workers?: number;
  /** Called after every record (for a progress bar): records so far, and the input being read. */
  onProgress?: (done: number, input: string) => void;
}

/** Hub and folder origins come from data/publishers.yaml, whose countries are taken from Epoch AI's data. */
export const PUBLISHERS_CREDIT = `publisher countries from data/publishers.yaml, after ${EPOCH_CREDIT}`;

export const DEFAULT_BY: Dimension[] = ['country', 'year', 'tier'];

/** The kind of an input: a directory, a .csv (Epoch AI), a .jsonl/.ndjson/.json listing; otherwise sniffed from its first byte. */
export async function inputKind(path: string): Promise<InputKind> {
  let st;
  try {
    st = await stat(path);
  } catch {
    throw new OmlError('ENOENT', 'no such file or directory', { file: path });
  }
  if (st.isDirectory()) return 'folder';
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'epoch-csv';
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'hub-jsonl';
  if (ext === '.md') return 'folder';
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(64);
    const { bytesRead } = await fh.read(buf, 0, 64, 0);
    const head = buf.subarray(0, bytesRead).toString('utf8').replace('\uFEFF', '').trimStart();
    if (head.startsWith('{')) return 'hub-jsonl';
    if (head.startsWith('Model,') || head.startsWith('"Model"')) return 'epoch-csv';
  } finally {
    await fh.close();
  }
  throw new OmlError('USAGE', 'not a survey input: expected a directory, an Epoch AI CSV (.csv) or a Hub listing (JSON Lines: .jsonl)', { file: path });
}

function read(path: string, kind: InputKind, opts: SurveyOptions): AsyncIterable<SurveyRecord | InputProblem> {
  if (kind === 'epoch-csv') return readEpoch(path);
  if (kind === 'hub-jsonl') return readHub(path, opts.limits);
  return readFolders(path, { limits: opts.limits, workers: opts.workers ?? 0 });
}

const isProblem = (x: SurveyRecord | InputProblem): x is InputProblem => !('tier' in x);

/** Surveys every input; a bad line or unreadable model becomes a listed problem, a bad input an OmlError. */
export async function runSurvey(paths: string[], opts: SurveyOptions = {}): Promise<SurveyResult> {
  if (!paths.length) throw new OmlError('USAGE', 'survey: no input given');
  const agg = new SurveyAggregator(opts.by ?? DEFAULT_BY);
  const kinds: InputKind[] = [];
  for (const p of paths) kinds.push(await inputKind(p)); // every input checked before any is read
  let done = 0;
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i]!;
    const kind = kinds[i]!;
    agg.addInput(path, kind, kind === 'epoch-csv' ? EPOCH_CREDIT : PUBLISHERS_CREDIT);
    const before = done;
    for await (const x of read(path, kind, opts)) {
      if (isProblem(x)) agg.problem(x);
      else agg.add(x);
      done++;
      opts.onProgress?.(done, path);
    }
    if (done === before) throw new OmlError('EMPTY', kind === 'folder' ? 'no model folder or model card found' : 'no models in this input', { file: path });
  }
  return agg.result();
}
