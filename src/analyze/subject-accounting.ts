/**
 * Fail closed over a whole subject: every license, use-policy and NOTICE
 * document is accounted for (src/analyze/changes.ts), unreadable license-like
 * files count as unaccounted, and several license files make an SPDX AND
 * expression. What cannot be accounted for turns the openness tier `unknown`
 * (keeping the tier the recognised terms alone give as `provisional`).
 */
import { basename } from 'node:path';
import type { DocumentLicense, Openness, Passage, Warning } from '../types.js';
import type { SubjectParts } from './assemble.js';
import { catalogTerms } from './catalog-terms.js';
import { accountAdditions, accountRemovals, accountWholeDocument } from './changes.js';
import type { DocumentAnalysis } from './document.js';
import { termKey } from '../extract/engine.js';
import { documentsExpression } from '../identify/expression.js';

export interface SubjectAccounting {
  /** The primary license document's additions and removals, with their terms. */
  additions: Passage[];
  removals: Passage[];
  unaccounted: Warning[];
  /** Informational: template terms changed to values the reader found. */
  notes: Warning[];
}

export const allDocs = (p: SubjectParts): DocumentAnalysis[] => [...p.licenseDocs, ...p.policyDocs, ...p.noticeDocs];

/**
 * The catalog entry a document is read against: its own (exact, template,
 * modified) or, for a `similar` text (another license on a catalog template),
 * its closest entry — the changes from that template must be accounted for too.
 */
function templateOf(d: DocumentAnalysis): string | null {
  const l = d.license;
  if (l.id && (l.match === 'exact' || l.match === 'template' || l.match === 'modified')) return l.id;
  if (l.match === 'similar' && l.closest) return l.closest.id;
  return null;
}

function accountDocument(d: DocumentAnalysis, strict: boolean, isPrimary: boolean): SubjectAccounting {
  const templateId = templateOf(d);
  if (!templateId) {
    // the primary license unidentified is the unknown-license case, judged as such
    if (isPrimary) return { additions: d.license.additions, removals: d.license.removals, unaccounted: [], notes: [] };
    const w = accountWholeDocument(d, strict);
    return { additions: [], removals: [], unaccounted: w.unaccounted, notes: [] };
  }
  if (d.license.header) {
    // a license header states no terms (they are the license's own, from the catalog): nothing of the
    // template is missing; its preamble passed the identification veto, so only restrictive wording in it counts
    const add = accountAdditions(d, d.license.additions, new Set(), false);
    return { additions: add.passages, removals: [], unaccounted: add.unaccounted, notes: [] };
  }
  const template = catalogTerms(templateId, 'catalog');
  const keys = new Set(template.map(termKey));
  const templateLines = template.reduce((m, t) => Math.max(m, t.evidence.line), 1);
  // exact matches have additions only against a derivative's base template (Kimi K2 vs MIT): known text
  const add = d.license.match !== 'exact'
    ? accountAdditions(d, d.license.additions, keys)
    : { passages: d.license.additions, unaccounted: [] };
  const rem = accountRemovals(d, d.license.removals, template, templateId, templateLines);
  return { additions: add.passages, removals: rem.passages, unaccounted: [...add.unaccounted, ...rem.unaccounted], notes: rem.notes ?? [] };
}

/** Accounts for every document of the subject; `primary` is the document shown as `license`. */
export function accountSubject(parts: SubjectParts, primary: DocumentAnalysis | null): SubjectAccounting {
  const out: SubjectAccounting = { additions: primary?.license.additions ?? [], removals: primary?.license.removals ?? [], unaccounted: [], notes: [] };
  for (const w of parts.unreadable ?? []) {
    out.unaccounted.push({ ...w, code: 'UNREADABLE_DOCUMENT', message: `${w.path ?? 'a license file'} could not be read (${w.code}: ${w.message}); its terms are unknown` });
  }
  for (const d of parts.licenseDocs) {
    const a = accountDocument(d, true, d === primary);
    if (d === primary) { out.additions = a.additions; out.removals = a.removals; }
    out.unaccounted.push(...a.unaccounted);
    out.notes.push(...a.notes);
  }
  for (const d of [...parts.policyDocs, ...parts.noticeDocs]) {
    const a = accountDocument(d, false, false);
    out.unaccounted.push(...a.unaccounted);
    out.notes.push(...a.notes);
  }
  return out;
}

const refSafe = (s: string) => s.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'file';

/**
 * `A AND B` over the licenses of several license files (identify's
 * documentsExpression); a part it cannot name (modified, similar, unknown) is
 * still an operand, `LicenseRef-oml-unresolved-<file>`, so two licenses are
 * always reported as two. Null for a single license.
 */
export function licenseExpression(docs: DocumentAnalysis[]): string | null {
  if (docs.length < 2) return null;
  const e = documentsExpression(docs.map((d) => ({ ...d.license, source: d.src.path })));
  const ops = [...new Set([
    ...e.parts.map((p) => p.spdx),
    ...e.unresolved.map((u) => `LicenseRef-oml-unresolved-${refSafe(basename(u.source ?? 'file'))}`),
  ])];
  return ops.length > 1 ? ops.join(' AND ') : null;
}

export function documentsOf(parts: SubjectParts): DocumentLicense[] {
  const row = (d: DocumentAnalysis, role: DocumentLicense['role']): DocumentLicense =>
    ({ path: d.src.path, role, id: d.license.id, spdx: d.license.spdx, match: d.license.match });
  return [
    ...parts.licenseDocs.map((d) => row(d, 'license')),
    ...parts.policyDocs.map((d) => row(d, 'use-policy')),
    ...parts.noticeDocs.map((d) => row(d, 'notice')),
  ];
}

/** Openness when something could not be accounted for: unknown, with the reasons and the provisional reading. */
export function unaccountedOpenness(read: Openness, unaccounted: Warning[]): Openness {
  return {
    tier: 'unknown',
    score: null,
    reasons: [
      { message: `${unaccounted.length} change(s) or document(s) oml could not account for: needs review`, points: 0 },
      ...unaccounted.map((w) => ({ message: w.message, points: 0 })),
    ],
    provisional: { tier: read.tier, score: read.score },
  };
}
