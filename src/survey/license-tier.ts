/**
 * Tier of a license known only by id (named in free text or found through the
 * lineage table): the terms the catalog holds for it (extracted from its
 * canonical text at build time) and the documents it incorporates, assessed as
 * for a model card that declares it. Cached by id.
 */
import { catalogTerms, incorporatedTerms } from '../analyze/catalog-terms.js';
import { licenseInfoFromCatalog } from '../analyze/license-info.js';
import { assessOpenness } from '../assess/openness.js';
import type { Analysis, Openness, Term } from '../types.js';
import type { Deciding } from './types.js';

export interface LicenseTier {
  /** The id as the catalog spells it, or null when neither the catalog nor SPDX knows it. */
  id: string | null;
  openness: Openness;
  deciding?: Deciding;
}

const cache = new Map<string, LicenseTier>();

/** The term named by the tier's first reason, with its evidence sentence. */
export function decidingTerm(openness: Openness, terms: Term[]): Deciding | undefined {
  const ref = openness.reasons[0]?.term;
  if (!ref) return undefined;
  const t = terms.find((x) => x.kind === ref.kind && x.name === ref.name && x.evidence.line === ref.line && x.evidence.path === ref.path);
  if (!t) return undefined;
  return { kind: t.kind, name: t.name, path: t.evidence.path, line: t.evidence.line, sentence: t.evidence.sentence };
}

/** The deciding term of a full analysis. */
export function decidingOf(a: Analysis): Deciding | undefined {
  return decidingTerm(a.openness, a.terms);
}

export function tierOfLicenseId(id: string): LicenseTier {
  const hit = cache.get(id);
  if (hit) return hit;
  const license = licenseInfoFromCatalog(id, 'declared', 0.6);
  let out: LicenseTier;
  if (!license?.id) {
    out = { id: null, openness: { tier: 'unknown', score: null, reasons: [{ message: `license ${id} is not in the catalog`, points: 0 }] } };
  } else {
    const terms = [...catalogTerms(license.id, 'catalog'), ...incorporatedTerms(license.id)];
    const openness = assessOpenness({ license, terms, card: null });
    out = { id: license.id, openness, deciding: decidingTerm(openness, terms) };
  }
  cache.set(id, out);
  return out;
}
