import { getCatalogEntry } from '../catalog/index.js';
import { getMatcher } from '../identify/templates.js';
import type { LicenseInfo, Match } from '../types.js';

/** LicenseInfo for a license known by catalog id (identified from metadata, not text). */
export function licenseInfoFromCatalog(id: string, match: Match, confidence: number): LicenseInfo | null {
  const e = getCatalogEntry(id);
  if (!e) {
    // A standard SPDX license (from the spdx-license-list based part of the catalog).
    const t = getMatcher().byId.get(id);
    if (!t || t.entry) return null;
    return { id: t.id, spdx: t.spdx, name: t.name, family: t.family, version: t.version, match, confidence, additions: [], removals: [], basedOn: null, source: null };
  }
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
