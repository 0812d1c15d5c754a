import { getCatalogEntry } from '../catalog/index.js';
import type { LicenseInfo, Match } from '../types.js';

/** LicenseInfo for a license known by catalog id (identified from metadata, not text). */
export function licenseInfoFromCatalog(id: string, match: Match, confidence: number): LicenseInfo | null {
  const e = getCatalogEntry(id);
  if (!e) return null;
  return {
    id: e.id,
    spdx: e.spdx ?? null,
    name: e.name ?? null,
    family: e.family ?? null,
    version: e.version ?? null,
    match,
    confidence,
    additions: [],
    removals: [],
    basedOn: e.basedOn ?? null,
    source: null,
  };
}

export function unknownLicense(): LicenseInfo {
  return { id: null, spdx: null, name: null, family: null, version: null, match: 'unknown', confidence: 0, additions: [], removals: [], basedOn: null, source: null };
}
