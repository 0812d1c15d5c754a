/**
 * Resolution of declared license metadata (Hugging Face `license:`,
 * `license_name`, `license_link`) to a catalog id or an SPDX id. Unknown or
 * ambiguous values resolve to null with a note: never a guess.
 */
import { createRequire } from 'node:module';
import { findAllByHfId, findByUrl } from '../catalog/index.js';

const require = createRequire(import.meta.url);
let spdxIds: Map<string, { id: string; deprecated: boolean }> | null = null;

function spdxLookup(value: string): { id: string; deprecated: boolean } | undefined {
  if (!spdxIds) {
    spdxIds = new Map();
    for (const id of require('spdx-license-ids') as string[]) spdxIds.set(id.toLowerCase(), { id, deprecated: false });
    for (const id of require('spdx-license-ids/deprecated.json') as string[]) {
      if (!spdxIds.has(id.toLowerCase())) spdxIds.set(id.toLowerCase(), { id, deprecated: true });
    }
  }
  return spdxIds.get(value.trim().toLowerCase());
}

export interface DeclaredResolution {
  /** Catalog id or SPDX id the declaration means, or null. */
  resolved: string | null;
  /** SPDX id (or LicenseRef-) of the resolved license, or null. */
  spdx: string | null;
  notes: string[];
}

/** Values that say nothing about the license by themselves. */
const PLACEHOLDERS = new Set(['other', 'unknown', 'custom', 'proprietary', '']);

export function resolveDeclared(licenseValues: string[], licenseName?: string, licenseLink?: string): DeclaredResolution {
  const notes: string[] = [];
  const values = licenseValues.map((v) => v.trim()).filter((v) => v.length > 0);
  const results: Array<{ resolved: string; spdx: string }> = [];
  for (const v of values) {
    if (PLACEHOLDERS.has(v.toLowerCase())) continue;
    const r = resolveOne(v, notes);
    if (r) results.push(r);
  }
  const wantsName = values.length === 0 || values.some((v) => PLACEHOLDERS.has(v.toLowerCase()));
  if (wantsName && licenseName) {
    const r = resolveOne(licenseName, notes, 'license_name');
    if (r) results.push(r);
  }
  if (results.length === 0 && licenseLink) {
    const e = findByUrl(licenseLink);
    if (e) {
      results.push({ resolved: e.id, spdx: e.spdx });
      notes.push(`license_link ${licenseLink} points at ${e.id}`);
    } else {
      notes.push(`license_link ${licenseLink} is not a known license document`);
    }
  }
  if (values.some((v) => v.toLowerCase() === 'other') && !licenseName && !licenseLink) {
    notes.push('license: other without license_name or license_link');
  }
  const distinct = [...new Map(results.map((r) => [r.resolved, r])).values()];
  if (distinct.length === 1) return { resolved: distinct[0].resolved, spdx: distinct[0].spdx, notes };
  if (distinct.length > 1) {
    notes.push(`several licenses declared: ${distinct.map((d) => d.resolved).join(', ')}`);
    return { resolved: null, spdx: null, notes };
  }
  if (values.length === 0 && !licenseName && !licenseLink) notes.push('no license declared');
  return { resolved: null, spdx: null, notes };
}

function resolveOne(value: string, notes: string[], field = 'license'): { resolved: string; spdx: string } | null {
  const hits = findAllByHfId(value);
  if (hits.length === 1) return { resolved: hits[0].id, spdx: hits[0].spdx };
  if (hits.length > 1) {
    notes.push(`${field} "${value}" is ambiguous: it may mean ${hits.map((h) => h.id).join(', ')}`);
    return null;
  }
  const s = spdxLookup(value);
  if (s) {
    if (s.deprecated) notes.push(`${field} "${value}" is a deprecated SPDX id`);
    return { resolved: s.id, spdx: s.id };
  }
  notes.push(`${field} "${value}" is not a known license id`);
  return null;
}
