import { basename } from 'node:path';
import { assessCommercialUse } from '../assess/commercial.js';
import { lineageConflicts } from '../assess/conflicts.js';
import { resolveBaseModels } from '../assess/lineage.js';
import { assessOpenness } from '../assess/openness.js';
import { resolveDeclared } from '../identify/declared.js';
import { parseSpdxExpression } from '../parse/spdx.js';
import type { Analysis, Conflict, Declared, LicenseInfo, ModelCardMeta, Subject, Term, Warning } from '../types.js';
import { catalogTerms, incorporatedTerms } from './catalog-terms.js';
import type { DocumentAnalysis } from './document.js';
import { applyKnownModels } from './known-models.js';
import { licenseInfoFromCatalog, unknownLicense } from './license-info.js';
import { accountSubject, allDocs, documentsOf, licenseExpression, unaccountedOpenness } from './subject-accounting.js';
import type { AnalyzeOptions } from './options.js';

/** Everything read for one subject, before the license-level decisions. */
export interface SubjectParts {
  subject: Subject;
  licenseDocs: DocumentAnalysis[];
  policyDocs: DocumentAnalysis[];
  noticeDocs: DocumentAnalysis[];
  card: { path: string; meta: ModelCardMeta } | null;
  warnings: Warning[];
  /** License-like files that could not be read (too large, binary, unreadable): each fails closed. */
  unreadable?: Warning[];
  /** Conflicts found before assembly (the card body against its metadata). */
  conflicts?: Conflict[];
}

/** Pick the model license among several license files (LICENSE-MODEL over LICENSE-CODE). */
function primaryLicense(docs: DocumentAnalysis[]): DocumentAnalysis | null {
  if (docs.length === 0) return null;
  const score = (d: DocumentAnalysis) =>
    (/model/i.test(basename(d.src.path)) ? 4 : 0) + (/code/i.test(basename(d.src.path)) ? -2 : 0) + (d.license.match !== 'unknown' ? 1 : 0);
  return [...docs].sort((a, b) => score(b) - score(a))[0] ?? null;
}

function declaredFrom(card: { path: string; meta: ModelCardMeta }, warnings: Warning[]): Declared {
  const m = card.meta;
  const res = resolveDeclared(m.license, m.licenseName, m.licenseLink, m.bodyLicense);
  for (const note of res.notes) warnings.push({ code: 'DECLARED', message: note, path: card.path, line: m.keyLines['license'] });
  let spdx: unknown = null;
  const single = m.license.length === 1 ? m.license[0]! : null;
  if (single && /\s(AND|OR|WITH)\s/.test(single)) {
    const p = parseSpdxExpression(single);
    if (p.ok) spdx = p.ast;
    else warnings.push({ code: 'SPDX_INVALID', message: `invalid SPDX expression '${single}': ${p.error}`, path: card.path, line: m.keyLines['license'] });
  }
  return {
    license: m.license,
    licenseName: m.licenseName ?? null,
    licenseLink: m.licenseLink ?? null,
    resolved: res.resolved,
    spdx,
    baseModel: m.baseModel,
    baseModelRelation: m.baseModelRelation ?? null,
    datasets: m.datasets,
    source: card.path,
  };
}

const sameLicense = (a: string | null, b: string | null) => !!a && !!b && a.toLowerCase() === b.toLowerCase();

/** Combine the parts of a subject into the DESIGN result object. */
export function assemble(parts: SubjectParts, opts: AnalyzeOptions = {}): Analysis {
  const warnings = [...parts.warnings];
  const conflicts: Conflict[] = [...(parts.conflicts ?? [])];
  const declared = parts.card ? declaredFrom(parts.card, warnings) : null;
  const primary = primaryLicense(parts.licenseDocs);
  let license: LicenseInfo = unknownLicense();
  let terms: Term[] = [];

  if (primary) {
    license = primary.license;
    // every license document counts: the strictest reading wins because all their terms apply
    // a license header states no terms: its license's catalog terms (origin catalog), once per license
    const withText = new Set(parts.licenseDocs.filter((x) => !x.license.header).map((x) => x.license.id));
    for (const d of [primary, ...parts.licenseDocs.filter((x) => x !== primary)]) {
      if (!d.license.header) { terms.push(...d.terms); continue; }
      if (d.license.id && !withText.has(d.license.id)) { terms.push(...catalogTerms(d.license.id, 'catalog')); withText.add(d.license.id); }
    }
    for (const other of parts.licenseDocs) {
      if (other === primary) continue;
      warnings.push({ code: 'EXTRA_LICENSE', message: `${other.src.path} is a further license file (${other.license.id ?? 'not identified'}); its terms apply together with ${primary.src.path}`, path: other.src.path });
    }
  } else if (declared?.resolved) {
    license = licenseInfoFromCatalog(declared.resolved, 'declared', 0.6) ?? unknownLicense();
    if (license.id) terms = catalogTerms(license.id, 'catalog');
  } else if (parts.policyDocs.length && parts.subject.kind === 'use-policy') {
    license = parts.policyDocs[0]!.license;
  }

  // Declared vs identified.
  if (primary && declared) {
    if (declared.resolved && license.id && !sameLicense(declared.resolved, license.id)) {
      conflicts.push({
        code: 'DECLARED_MISMATCH',
        message: `model card declares '${declared.license.join(', ')}' (${declared.resolved}) but ${primary.src.path} is ${license.id}`,
        path: declared.source,
        line: parts.card?.meta.keyLines['license'],
      });
    } else if (!declared.resolved && declared.license.length) {
      warnings.push({ code: 'DECLARED_UNRESOLVED', message: `model card license '${declared.license.join(', ')}'${declared.licenseName ? ` (license_name: ${declared.licenseName})` : ''} is not in the catalog; the license is taken from ${primary.src.path}`, path: declared.source, line: parts.card?.meta.keyLines['license'] });
    }
  }
  if (!primary && declared && !declared.resolved) {
    warnings.push({ code: 'NO_LICENSE', message: `no LICENSE file and the card's license '${declared.license.join(', ') || '(none)'}' is not resolvable: license unknown`, path: declared.source, line: parts.card?.meta.keyLines['license'] });
  }

  // Use policies in the folder, and documents the license incorporates by reference.
  const inFolder = new Set<string>();
  for (const p of parts.policyDocs) {
    if (parts.subject.kind === 'use-policy') { terms.push(...p.terms); continue; }
    if (p.license.id) inFolder.add(p.license.id);
    terms.push(...p.terms.map((t) => ({ ...t, origin: 'incorporated' as const, via: p.src.path })));
  }
  if (license.id) terms.push(...incorporatedTerms(license.id, 'incorporated', undefined, inFolder));

  // Lineage: base models bring their license terms along.
  if (declared && declared.baseModel.length) {
    const bases = applyKnownModels(resolveBaseModels(declared.baseModel, declared.baseModelRelation ?? undefined), opts.knownModels);
    const baseLicenses: string[] = [];
    for (const b of bases) {
      if (!b.license) {
        warnings.push({ code: 'BASE_UNKNOWN', message: `base model ${b.id}: license not known${opts.knownModels?.has(b.id.toLowerCase()) ? '' : ' offline'}${b.note ? ` (${b.note})` : ''}`, path: declared.source, line: parts.card?.meta.keyLines['base_model'] });
        continue;
      }
      for (const l of [{ id: b.id, licenseId: b.license }, ...b.ancestors]) {
        baseLicenses.push(l.licenseId);
        if (sameLicense(l.licenseId, license.id)) continue;
        terms.push(...catalogTerms(l.licenseId, 'base-model', l.id));
        terms.push(...incorporatedTerms(l.licenseId, 'base-model', l.id));
      }
    }
    // An unidentified LICENSE file still counts as a declaration: name the file, never say "no license".
    const own = license.id ?? declared.resolved ?? (primary ? `the unidentified license in ${primary.src.path}` : null);
    for (const c of lineageConflicts(own, baseLicenses)) conflicts.push({ ...c, path: c.path ?? declared.source, line: c.line ?? parts.card?.meta.keyLines['base_model'] });
  }

  // NOTICE files: their terms apply too
  for (const n of parts.noticeDocs) terms.push(...n.terms);

  // Fail closed: what the reader cannot account for makes the result unknown.
  const acc = accountSubject(parts, primary);
  if (primary) license = { ...license, additions: acc.additions, removals: acc.removals };
  for (const d of allDocs(parts)) warnings.push(...d.warnings);
  warnings.push(...acc.notes, ...acc.unaccounted);
  const expression = licenseExpression(parts.licenseDocs);

  const read = assessOpenness({ license, terms, card: declared ? { datasets: declared.datasets } : null });
  const openness = acc.unaccounted.length ? unaccountedOpenness(read, acc.unaccounted) : read;
  const result: Analysis = {
    subject: parts.subject, license, ...(expression ? { expression } : {}), documents: documentsOf(parts), declared, terms, openness, conflicts, warnings,
  };
  if (opts.profile) result.commercialUse = assessCommercialUse({ terms, openness, license }, opts.profile);
  return result;
}
