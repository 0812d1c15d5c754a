/** Catalog lookups (lazy, loaded once). */
import { loadCatalog, type LoadedCatalog } from './load.js';
import type { CatalogEntry } from './schema.js';

export type { CatalogEntry, StoredFingerprint } from './schema.js';
export { CatalogEntrySchema } from './schema.js';
export { loadCatalog, loadCatalogEntries, defaultCatalogDir } from './load.js';

let catalog: LoadedCatalog | null = null;
let byId: Map<string, CatalogEntry> | null = null;
let byHf: Map<string, CatalogEntry[]> | null = null;

/** The package's catalog with its SPDX fingerprints, loaded once (shared by lookups and the identify matcher). */
export function getLoadedCatalog(): LoadedCatalog {
  if (!catalog) catalog = loadCatalog();
  return catalog;
}

function ensure(): { byId: Map<string, CatalogEntry>; byHf: Map<string, CatalogEntry[]> } {
  if (!byId || !byHf) {
    const catalog = getLoadedCatalog();
    byId = new Map(catalog.entries.map((e) => [e.id, e]));
    byHf = new Map();
    for (const e of catalog.entries) {
      for (const h of e.hf) {
        const k = h.toLowerCase();
        const list = byHf.get(k) ?? [];
        list.push(e);
        byHf.set(k, list);
      }
    }
  }
  return { byId, byHf };
}

/** Catalog entry by id (AI licenses, use policies, notices), or undefined. */
export function getCatalogEntry(id: string): CatalogEntry | undefined {
  return ensure().byId.get(id);
}

/** Every catalog entry, sorted by id. */
export function listCatalog(): CatalogEntry[] {
  return [...ensure().byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** Entries whose `hf` list names this Hugging Face id / license_name (case-insensitive). */
export function findAllByHfId(id: string): CatalogEntry[] {
  return ensure().byHf.get(id.trim().toLowerCase()) ?? [];
}

/** The one entry a Hugging Face id means; undefined when unknown or ambiguous. */
export function findByHfId(id: string): CatalogEntry | undefined {
  const all = findAllByHfId(id);
  return all.length === 1 ? all[0] : undefined;
}

/** Entry whose canonical url or one of its links equals `url` (scheme, www and trailing slash ignored). */
export function findByUrl(url: string): CatalogEntry | undefined {
  const key = urlKey(url);
  const hits = listCatalog().filter((e) => [e.url, ...e.links].some((u) => urlKey(u) === key));
  return hits.length === 1 ? hits[0] : undefined;
}

export function urlKey(url: string): string {
  return url.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '').replace(/\/blob\/(?:main|master)\//, '/blob/HEAD/');
}
