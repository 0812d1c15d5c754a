/**
 * The analysis of one subject: a text in memory (analyzeText), a file (analyzeFile) or a model folder
 * (analyzeFolder), through read -> parse -> identify -> extract -> assess. Loaded by paths.ts only when a
 * path has to be analysed (a run whose every file is a stored result never loads it: start-up).
 */
import { getCatalogEntry } from '../catalog/index.js';
import { isOmlError } from '../errors.js';
import { parseDocument } from '../parse/document.js';
import { classifyFolder, folderReadme } from '../read/folder.js';
import { readSource } from '../read/file.js';
import type { Analysis, SourceText, Subject, Warning } from '../types.js';
import { assemble, type SubjectParts } from './assemble.js';
import { analyzeCardBody, analyzeReadme } from './card-body.js';
import { analyzeDocument, type DocumentAnalysis } from './document.js';
import { budgetOf, type AnalyzeOptions } from './options.js';
import { checkOptions, checkPath, checkSourceText, checkTextSize } from './args.js';

/** Analyse a decoded text (a LICENSE, use policy or model card) held in memory. */
export function analyzeText(srcIn: SourceText, opts: AnalyzeOptions = {}): Analysis {
  checkOptions('analyzeText', opts);
  return analyzeChecked(checkSourceText('analyzeText', srcIn, opts.limits), opts);
}

/**
 * analyzeText for a text this module's callers read themselves (readSource: a complete SourceText) with
 * options already checked: only the size check of checkSourceText, not its schema parse per file.
 */
export function analyzeRead(src: SourceText, opts: AnalyzeOptions): Analysis {
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
