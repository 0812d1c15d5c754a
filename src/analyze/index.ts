import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { getCatalogEntry } from '../catalog/index.js';
import { OmlError, fsError, isOmlError } from '../errors.js';
import { parseDocument } from '../parse/document.js';
import { classifyFolder, folderReadme } from '../read/folder.js';
import { readBytesSync, readSource } from '../read/file.js';
import { decodeBytes } from '../read/decode.js';
import { ReadBudget } from '../read/budget.js';
import { withLimits } from '../limits.js';
import type { Analysis, SourceText, Subject, Warning } from '../types.js';
import { assemble, type SubjectParts } from './assemble.js';
import { analyzeCardBody, analyzeReadme } from './card-body.js';
import { analyzeDocument, type DocumentAnalysis } from './document.js';
import type { AnalyzeOptions } from './options.js';
import { ResultCache } from './result-cache.js';
import { checkOptions, checkPath, checkPaths, checkSourceText, checkTextSize } from './args.js';
import { SameTextMemo } from './dedupe.js';
import { fastPathDefault } from '../extract/engine.js';

export type { AnalyzeOptions } from './options.js';

/** Analyse a decoded text (a LICENSE, use policy or model card) held in memory. */
export function analyzeText(srcIn: SourceText, opts: AnalyzeOptions = {}): Analysis {
  checkOptions('analyzeText', opts);
  return analyzeChecked(checkSourceText('analyzeText', srcIn, opts.limits), opts);
}

/**
 * analyzeText for a text this module's callers read themselves (readSource: a complete SourceText) with
 * options already checked: only the size check of checkSourceText, not its schema parse per file.
 */
function analyzeRead(src: SourceText, opts: AnalyzeOptions): Analysis {
  checkTextSize(src, opts.limits);
  return analyzeChecked(src, opts);
}

/** analyzeText after its argument checks. */
function analyzeChecked(src: SourceText, opts: AnalyzeOptions): Analysis {
  const doc = parseDocument(src, { limits: opts.limits, markdown: opts.markdown });
  if (doc.card) {
    const body = analyzeCardBody(src, doc, doc.card, opts);
    const parts: SubjectParts = {
      subject: { path: src.path, kind: 'model-card', files: [{ path: src.path, role: 'model-card' }] },
      licenseDocs: body.licenseDocs, policyDocs: [], noticeDocs: [],
      card: { path: src.path, meta: doc.card },
      warnings: [...doc.warnings, ...body.warnings],
      conflicts: body.conflicts,
    };
    return assemble(parts, opts);
  }
  const d = analyzeDocument(src, 'text', undefined, doc, opts);
  const kind = (d.license.id && getCatalogEntry(d.license.id)?.kind) || 'license';
  const role = kind === 'use-policy' ? 'use-policy' : kind === 'notice' ? 'notice' : 'license';
  const parts: SubjectParts = {
    subject: { path: src.path, kind: role, files: [{ path: src.path, role }] },
    licenseDocs: role === 'license' ? [d] : [],
    policyDocs: role === 'use-policy' ? [d] : [],
    noticeDocs: role === 'notice' ? [d] : [],
    card: null,
    warnings: [...d.doc.warnings],
  };
  const result = assemble(parts, opts);
  if (role !== 'license') result.license = d.license;
  return result;
}

/** Analyse one file (license, use policy, notice or model card). */
export async function analyzeFile(path: string, opts: AnalyzeOptions = {}): Promise<Analysis> {
  checkPath('analyzeFile', path);
  checkOptions('analyzeFile', opts);
  const src = await readSource(path, opts.limits, budgetOf(opts));
  return analyzeRead(src, opts);
}

/** Analyse a model folder: its LICENSE*, use policies, NOTICE and README.md model card as one subject. */
export async function analyzeFolder(dir: string, opts: AnalyzeOptions = {}): Promise<Analysis> {
  checkPath('analyzeFolder', dir, 'dir');
  checkOptions('analyzeFolder', opts);
  const files = await classifyFolder(dir);
  const budget = budgetOf(opts);
  const warnings: Warning[] = [];
  const unreadable: Warning[] = [];
  const subject: Subject = { path: dir, kind: 'model-folder', files: [] };
  const read = async (p: string, licenseLike = false): Promise<SourceText | null> => {
    try {
      return await readSource(p, opts.limits, budget);
    } catch (e) {
      // an unreadable or oversized file becomes a warning (a license-like one fails closed);
      // the run's byte budget running out stops the run
      if (!isOmlError(e) || e.code === 'LIMIT') throw e;
      const w = { code: e.code, message: e.message, path: p };
      warnings.push(w);
      if (licenseLike) unreadable.push(w);
      return null;
    }
  };
  const docs = async (paths: string[], role: 'license' | 'use-policy' | 'notice'): Promise<DocumentAnalysis[]> => {
    const out: DocumentAnalysis[] = [];
    for (const p of paths) {
      subject.files.push({ path: p, role });
      const src = await read(p, true);
      if (src) out.push(analyzeDocument(src, role === 'use-policy' ? 'incorporated' : 'text', role === 'use-policy' ? p : undefined, undefined, opts));
    }
    return out;
  };
  const licenseDocs = await docs(files.license, 'license');
  const policyDocs = await docs(files.usePolicy, 'use-policy');
  const noticeDocs = await docs(files.notice, 'notice');
  let card: SubjectParts['card'] = null;
  const conflicts: SubjectParts['conflicts'] = [];
  const readme = folderReadme(files);
  if (readme) {
    subject.files.push({ path: readme.path, role: 'model-card' });
    const src = await read(readme.path);
    if (src) {
      const doc = parseDocument(src, { limits: opts.limits, markdown: opts.markdown, readme: !readme.frontMatter });
      warnings.push(...doc.warnings);
      // front matter is a Hub model card's, read from README.md only (README, README.txt, README.rst have none)
      if (doc.card && readme.frontMatter) {
        card = { path: readme.path, meta: doc.card };
        const body = analyzeCardBody(src, doc, doc.card, opts);
        licenseDocs.push(...body.licenseDocs);
        warnings.push(...body.warnings);
        conflicts.push(...body.conflicts);
      } else {
        // a README without front matter: its license section is read like a card body
        const body = analyzeReadme(src, doc, opts);
        licenseDocs.push(...body.licenseDocs);
        warnings.push(...body.warnings);
        if (body.card) card = { path: readme.path, meta: body.card };
      }
    }
  }
  if (files.config) subject.files.push({ path: files.config, role: 'config' });
  if (!licenseDocs.length && !card) {
    warnings.push({ code: 'NO_LICENSE', message: `${dir}: no LICENSE file and no model card with license metadata`, path: dir });
  }
  return assemble({ subject, licenseDocs, policyDocs, noticeDocs, card, warnings, unreadable, conflicts }, opts);
}

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
  const memo = fastPathDefault() ? new SameTextMemo((src) => analyzeRead(src, opts), storedResults(opts)) : null;
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
  if (st.isDirectory()) return analyzeFolder(path, opts);
  if (!memo) return analyzeFile(path, opts);
  return memo.runFile(path, readBytesSync(path, opts.limits, budgetOf(opts)), (b) => decodeBytes(b, path, opts.limits));
}

/** The result cache the options ask for, opened (null without one, with the fast paths off, or run from the sources). */
function storedResults(opts: AnalyzeOptions): ResultCache | null {
  if (opts.resultCache === undefined || !fastPathDefault()) return null;
  const { resultCache, budget: _budget, ...rest } = opts;
  return ResultCache.open(resultCache, rest);
}

/** The caller's budget, or a new one for this call (limits.maxTotalBytes). */
function budgetOf(opts: AnalyzeOptions): ReadBudget {
  return opts.budget ?? new ReadBudget(withLimits(opts.limits).maxTotalBytes);
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
  const memo = (paths.length > 1 || stored) && fastPathDefault() ? new SameTextMemo((src) => analyzeRead(src, run), stored) : null;
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
