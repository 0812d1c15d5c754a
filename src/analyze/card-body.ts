/**
 * The card body's part of a model-card analysis (identify/card-body.ts reads
 * the body): a license text it carries becomes one more license document
 * (terms with origin `card-body`, evidence in the card), the license it names
 * is reported, and a body that contradicts the metadata is a conflict.
 */
import { resolveBaseModels } from '../assess/lineage.js';
import { getCatalogEntry, listCatalog } from '../catalog/index.js';
import { extractTerms } from '../extract/engine.js';
import { scanCardBody, type BodyLicense, type Mark } from '../identify/card-body.js';
import { resolveDeclared } from '../identify/declared.js';
import { parseDocument } from '../parse/document.js';
import { splitSentences } from '../parse/sentences.js';
import type { Conflict, ModelCardMeta, ParsedDocument, SourceText, Warning } from '../types.js';
import { catalogTerms } from './catalog-terms.js';
import { hiddenWarning, type DocumentAnalysis } from './document.js';
import { foldCharacters } from '../parse/fold.js';
import type { AnalyzeOptions } from './options.js';

export interface CardBodyParts {
  licenseDocs: DocumentAnalysis[];
  warnings: Warning[];
  conflicts: Conflict[];
}

let marks: Mark[] | null = null;

/** The attribution marks licenses require ("Built with ..."), from the catalog's stored terms. */
function catalogMarks(): Mark[] {
  if (marks) return marks;
  const byText = new Map<string, string[]>();
  for (const e of listCatalog()) {
    if (e.kind !== 'license') continue;
    for (const t of catalogTerms(e.id, 'catalog')) {
      if (t.name !== 'attribution-display' || !t.text) continue;
      const ids = byText.get(t.text) ?? [];
      if (!ids.includes(e.id)) ids.push(e.id);
      byText.set(t.text, ids);
    }
  }
  return (marks = [...byText].map(([text, ids]) => ({ text, ids })));
}

const familyOf = (id: string) => getCatalogEntry(id)?.family ?? null;

/** The first occurrence of each license (the body may name one many times). */
function firstOfEach(found: BodyLicense[]): BodyLicense[] {
  const seen = new Set<string>();
  return found.filter((f) => { const k = f.ids.join(); if (seen.has(k)) return false; seen.add(k); return true; });
}
const list = (ids: string[]) => ids.join(', ');

/**
 * A body that names a license other than the declared one in a governing
 * sentence, or, within the declared license's family, another version's name,
 * attribution mark or base model: one conflict per license, listing its evidence.
 */
function bodyConflicts(path: string, declared: string, found: BodyLicense[], bases: Array<{ id: string; line: number; license: string }>, warnings: Warning[]): Conflict[] {
  const fam = familyOf(declared);
  const byLicense = new Map<string, { line: number; evidence: string[]; ids: string[] }>();
  const note = (ids: string[], line: number, evidence: string) => {
    const k = ids.join();
    const c = byLicense.get(k) ?? { line, evidence: [], ids };
    if (c.evidence.length < 5) c.evidence.push(evidence);
    byLicense.set(k, c);
  };
  const mentioned = new Set<string>();
  for (const f of found) {
    if (f.ids.includes(declared)) continue;
    const sameFamily = fam !== null && f.ids.every((id) => familyOf(id) === fam);
    if (f.governs) note(f.ids, f.line, `says the model is under ${f.label} (line ${f.line})`);
    else if (sameFamily) note(f.ids, f.line, f.kind === 'mark' ? `shows the mark "${f.label}" it requires (line ${f.line})` : `names ${f.label} (line ${f.line})`);
    else if (f.inLicenseSection && !mentioned.has(f.ids.join())) {
      mentioned.add(f.ids.join());
      warnings.push({ code: 'CARD_BODY_MENTION', message: `${path}:${f.line}: the card's license section also names ${f.label} (${list(f.ids)}); the declared license is ${declared}`, path, line: f.line });
    }
  }
  for (const b of bases) {
    if (b.license === declared || fam === null || familyOf(b.license) !== fam) continue;
    note([b.license], b.line, `names the base model ${b.id} (line ${b.line})`);
  }
  return [...byLicense.values()].map((c) => ({
    code: 'CARD_BODY_MISMATCH',
    message: `the model card declares ${declared} but its body points at ${list(c.ids)}: it ${c.evidence.join('; ')}`,
    path,
    line: c.line,
  }));
}

/** Reads the body of the card `src` (parsed as `doc`, metadata `meta`). Sets `meta.bodyLicense` when the body says which license governs. */
export function analyzeCardBody(src: SourceText, doc: ParsedDocument, meta: ModelCardMeta, opts: AnalyzeOptions = {}): CardBodyParts {
  const scan = scanCardBody(doc, meta.bodyLine, catalogMarks());
  const out: CardBodyParts = { licenseDocs: [], warnings: [], conflicts: [] };
  if (scan.text) {
    const t = scan.text;
    const bodySrc: SourceText = { ...src, text: t.text, warnings: [] };
    const bodyDoc = parseDocument(bodySrc, { limits: opts.limits, markdown: opts.markdown });
    const terms = extractTerms(bodyDoc, { origin: 'card-body', split: splitSentences });
    const hidden = hiddenWarning(src.path, foldCharacters(t.text).report);
    out.licenseDocs.push({ src: bodySrc, doc: bodyDoc, license: t.license, terms, warnings: hidden ? [hidden] : [] });
    out.warnings.push({ code: 'CARD_BODY_LICENSE', message: `${src.path}:${t.startLine}-${t.endLine}: the card body carries a license text (${t.license.id ?? 'unidentified'}, ${t.license.match}); it is analysed as a license file`, path: src.path, line: t.startLine });
  }
  const governing = firstOfEach(scan.licenses.filter((l) => l.governs));
  for (const g of governing) {
    out.warnings.push({ code: 'CARD_BODY_NAME', message: `${src.path}:${g.line}: the card body says the model is under ${g.label} (${list(g.ids)})`, path: src.path, line: g.line });
  }
  const declared = resolveDeclared(meta.license, meta.licenseName, meta.licenseLink).resolved;
  if (declared) {
    const named = new Set(meta.baseModel.map((b) => b.toLowerCase()));
    const bases: Array<{ id: string; line: number; license: string }> = [];
    for (const m of scan.modelIds) {
      if (named.has(m.id.toLowerCase())) continue; // base_model metadata: the lineage check covers it
      const license = resolveBaseModels([m.id])[0]?.license;
      if (license) bases.push({ id: m.id, line: m.line, license });
    }
    out.conflicts.push(...bodyConflicts(src.path, declared, scan.licenses, bases, out.warnings));
    return out;
  }
  const ids = [...new Set(governing.map((g) => g.ids.join()))];
  if (ids.length === 1 && governing[0]!.ids.length === 1) {
    const g = governing[0]!;
    meta.bodyLicense = { id: g.ids[0]!, line: g.line, label: g.label };
  } else if (ids.length > 1) {
    out.warnings.push({ code: 'CARD_BODY_NAME', message: `${src.path}: the card body names several licenses as the model's (${ids.join('; ')}): none is taken`, path: src.path, line: governing[0]!.line });
  }
  return out;
}

/**
 * A README without front matter is read like a card body with no metadata: a
 * license text in its license section (or the whole README, when it reads as
 * one) is one more license document, and a license it says governs the project
 * stands in for the missing metadata (`bodyLicense`, resolved as a declaration
 * with a note). Returns the parts and that stand-in card, or null when the
 * README names no governing license.
 */
export function analyzeReadme(src: SourceText, doc: ParsedDocument, opts: AnalyzeOptions = {}): CardBodyParts & { card: ModelCardMeta | null } {
  const meta: ModelCardMeta = { license: [], baseModel: [], datasets: [], extraGated: {}, keyLines: {}, raw: {}, bodyLine: 1 };
  const parts = analyzeCardBody(src, doc, meta, opts);
  return { ...parts, card: meta.bodyLicense ? meta : null };
}
