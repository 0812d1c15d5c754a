/**
 * Resolution of declared license metadata (Hugging Face `license:`,
 * `license_name`, `license_link`) to a catalog id or an SPDX id. Unknown or
 * ambiguous values resolve to null with a note: never a guess.
 *
 * Order for each `license:` value (and for `license_name` when `license:` is
 * empty or a placeholder such as `other`):
 *  1. the catalog's `hf` lists, exactly (case aside); an id several entries
 *     list is settled by the Hub's license table when it names one of them;
 *  2. the Hub's license table (data/hub-licenses.yaml): an SPDX id, a catalog
 *     entry, or "names no single license" (a family, `unknown`, `other`);
 *  3. an SPDX id (`lookupSpdxId`: deprecated ids and `+` mapped, with a note);
 *  4. the catalog's `hf` lists, ids and names after normalization
 *     (`llama-3` = `llama3`, "Gemma Terms of Use"), with a note;
 *  5. a free-form SPDX spelling corrected by spdx-correct, with a note saying so.
 * Then `license_link` when nothing resolved (catalog URLs in every served form),
 * then the license the card body says governs the model (`body`), with a note.
 */
import { findAllByHfId, getCatalogEntry, type CatalogEntry } from '../catalog/index.js';
import { lookupSpdxId } from '../parse/spdx.js';
import { correctSpdx } from './card-correct.js';
import { resolveLink, targetId } from './card-link.js';
import { catalogByName, hubLicense, hubTable } from './card-names.js';

export interface DeclaredResolution {
  /** Catalog id or SPDX id the declaration means, or null. */
  resolved: string | null;
  /** SPDX id (or LicenseRef-) of the resolved license, or null. */
  spdx: string | null;
  notes: string[];
}

type Hit = { resolved: string; spdx: string };

/** Values that say nothing about the license by themselves. */
const PLACEHOLDERS = new Set(['other', 'unknown', 'custom', 'proprietary', '']);

const fromEntry = (e: CatalogEntry): Hit => ({ resolved: e.id, spdx: e.spdx });

/** A license the card body names as the model's (see analyze/card-body.ts). */
export interface BodyDeclaration { id: string; line: number; label: string }

export function resolveDeclared(licenseValues: string[], licenseName?: string, licenseLink?: string, body?: BodyDeclaration): DeclaredResolution {
  const notes: string[] = [];
  const values = licenseValues.map((v) => v.trim()).filter((v) => v.length > 0);
  const results: Hit[] = [];
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
    const r = resolveLinkValue(licenseLink, notes);
    if (r) results.push(r);
  }
  if (results.length === 0 && body) {
    const e = getCatalogEntry(body.id);
    const spdx = e?.spdx ?? lookupSpdxId(body.id)?.id;
    if (spdx) {
      results.push({ resolved: e?.id ?? spdx, spdx });
      notes.push(`the card's metadata names no resolvable license; its body says the model is under ${body.label} (line ${body.line}): read as ${e?.id ?? spdx}`);
    }
  }
  if (values.some((v) => v.toLowerCase() === 'other') && !licenseName && !licenseLink) {
    notes.push('license: other without license_name or license_link');
  }
  const distinct = [...new Map(results.map((r) => [r.resolved, r])).values()];
  if (distinct.length === 1) return { resolved: distinct[0]!.resolved, spdx: distinct[0]!.spdx, notes };
  if (distinct.length > 1) {
    notes.push(`several licenses declared: ${distinct.map((d) => d.resolved).join(', ')}`);
    return { resolved: null, spdx: null, notes };
  }
  if (values.length === 0 && !licenseName && !licenseLink && !body) notes.push('no license declared');
  return { resolved: null, spdx: null, notes };
}

function resolveOne(value: string, notes: string[], field = 'license'): Hit | null {
  const hub = hubLicense(value);
  // 1. the catalog's hf lists
  const hits = findAllByHfId(value);
  if (hits.length === 1) return fromEntry(hits[0]!);
  if (hits.length > 1) {
    const settled = hub?.catalog ? hits.find((h) => h.id === hub.catalog) : undefined;
    if (settled) {
      notes.push(`${field} "${value}" is listed by ${hits.map((h) => h.id).join(', ')}; the Hub's license table reads it as ${settled.id}${hub?.note ? ` (${hub.note})` : ''}`);
      return fromEntry(settled);
    }
    notes.push(`${field} "${value}" is ambiguous: it may mean ${hits.map((h) => h.id).join(', ')}`);
    return null;
  }
  // 2. the Hub's license table
  if (hub) {
    if (hub.catalog) {
      const e = getCatalogEntry(hub.catalog);
      if (e) return fromEntry(e);
    }
    if (hub.spdx) {
      const s = lookupSpdxId(hub.spdx);
      if (s) {
        if (s.id.toLowerCase() !== value.toLowerCase()) notes.push(`${field} "${value}" is the Hub's id for ${hub.name}: read as SPDX ${s.id}${hub.note ? ` (${hub.note})` : ''}`);
        return { resolved: s.id, spdx: s.id };
      }
    }
    if (hub.none && hub.none !== 'not-in-catalog') {
      if (hub.none !== 'see-license-name') notes.push(`${field} "${value}" ${hubTable().data.reasons[hub.none]}`);
      return null;
    }
  }
  // 3. an SPDX id
  const s = lookupSpdxId(value);
  if (s) {
    if (s.mapped?.how === 'deprecated') notes.push(`${field} "${value}" is the deprecated SPDX id ${s.mapped.from}: read as ${s.id}`);
    else if (s.mapped?.how === 'or-later') notes.push(`${field} "${value}" read as ${s.id}`);
    else if (s.deprecated) notes.push(`${field} "${value}" is a deprecated SPDX id`);
    return { resolved: s.id, spdx: s.id };
  }
  // 4. catalog names after normalization
  const byName = catalogByName(value);
  if (byName?.entries.length === 1) {
    const e = byName.entries[0]!;
    notes.push(`${field} "${value}" read as ${e.id} (${byName.via === 'hf' ? `the catalog's Hugging Face name ${e.hf[0] ?? e.id}` : `"${e.name}"`}, spelled differently)`);
    return fromEntry(e);
  }
  if (byName && byName.entries.length > 1) {
    notes.push(`${field} "${value}" is ambiguous: it may mean ${byName.entries.map((h) => h.id).join(', ')}`);
    return null;
  }
  // 5. a free-form SPDX spelling
  const c = correctSpdx(value);
  if (c) {
    notes.push(`${field} "${value}" is not an SPDX id; corrected to ${c.id} (spdx-correct): declare "${c.id}" to silence this`);
    return { resolved: c.id, spdx: c.id };
  }
  if (hub?.none === 'not-in-catalog') notes.push(`${field} "${value}" ${hubTable().data.reasons['not-in-catalog']}`);
  else notes.push(`${field} "${value}" is not a known license id`);
  return null;
}

function resolveLinkValue(link: string, notes: string[]): Hit | null {
  const r = resolveLink(link);
  if (r.kind === 'found') {
    const id = targetId(r.target);
    notes.push(`license_link ${link} points at ${id}`);
    return 'catalog' in r.target ? fromEntry(r.target.catalog) : { resolved: id, spdx: id };
  }
  if (r.kind === 'ambiguous') notes.push(`license_link ${link} is served for several catalog texts: ${r.targets.map(targetId).join(', ')}`);
  else if (r.kind === 'relative') notes.push(`license_link ${link} names a file of the model repository: the license is identified from that file, not from the link`);
  else notes.push(`license_link ${link} is not a known license document`);
  return null;
}
