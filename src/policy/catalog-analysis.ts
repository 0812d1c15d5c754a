/**
 * An Analysis for a model known only by id (a reference in code), from the
 * catalog license its id maps to (data/base-models.yaml via resolveBaseModels).
 * Mirrors the "declared only" path of analyze/assemble.ts: catalog terms plus the
 * documents the license incorporates, then openness and commercial use.
 */
import { catalogTerms, incorporatedTerms } from '../analyze/catalog-terms.js';
import { licenseInfoFromCatalog } from '../analyze/license-info.js';
import { assessCommercialUse } from '../assess/commercial.js';
import { resolveBaseModels } from '../assess/lineage.js';
import { assessOpenness } from '../assess/openness.js';
import type { Analysis, Profile, Term } from '../types.js';

export interface ResolvedRef {
  licenseId: string | null;
  note?: string;
}

/** Offline resolution of a model id to a catalog license id. */
export function resolveModelId(id: string): ResolvedRef {
  const [hit] = resolveBaseModels([id]);
  return { licenseId: hit?.license ?? null, ...(hit?.note ? { note: hit.note } : {}) };
}

/** Analysis of `modelId` under catalog license `licenseId`, or null when the id is not in the catalog. */
export function analyzeCatalogLicense(modelId: string, licenseId: string, profile?: Profile): Analysis | null {
  const license = licenseInfoFromCatalog(licenseId, 'declared', 0.6);
  if (!license?.id) return null;
  const terms: Term[] = catalogTerms(license.id, 'catalog', modelId);
  terms.push(...incorporatedTerms(license.id));
  const openness = assessOpenness({ license, terms, card: null });
  const result: Analysis = {
    subject: { path: modelId, kind: 'model-card', files: [] },
    license,
    declared: null,
    terms,
    openness,
    conflicts: [],
    warnings: [],
  };
  if (profile) result.commercialUse = assessCommercialUse({ terms, openness, license }, profile);
  return result;
}
