/**
 * How a model card names its license, as data: the Hub's own license-id list
 * (data/hub-licenses.yaml) and a normalized-name index over the catalog's
 * `hf` lists and names. No name is special-cased in code.
 */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema.js';
import { loadDataFile } from '../data-table.js';
import { listCatalog, type CatalogEntry } from '../catalog/index.js';
import { OmlError } from '../errors.js';
import { dataPath } from '../paths.js';

const NONE_REASONS = ['family', 'not-in-catalog', 'unknown', 'see-license-name'] as const;

export const HubLicenseSchema = lazySchema(() => z.object({
  hub: z.string().min(1),
  name: z.string().min(1),
  spdx: z.string().min(1).optional(),
  catalog: z.string().min(1).optional(),
  none: z.enum(NONE_REASONS).optional(),
  link: z.string().url().optional(),
  note: z.string().min(1).optional(),
}).strict().refine((e) => [e.spdx, e.catalog, e.none].filter((x) => x !== undefined).length === 1, {
  message: 'each Hub license needs exactly one of spdx, catalog, none',
}));
export type HubLicense = z.infer<typeof HubLicenseSchema>;

export const HubTableSchema = lazySchema(() => z.object({
  source: z.object({ title: z.string(), url: z.string().url(), copy: z.string() }).strict(),
  reasons: z.object(Object.fromEntries(NONE_REASONS.map((r) => [r, z.string().min(1)])) as Record<(typeof NONE_REASONS)[number], z.ZodString>).strict(),
  licenses: z.array(HubLicenseSchema).min(1),
}).strict());
export type HubTable = z.infer<typeof HubTableSchema>;

let table: { data: HubTable; byHub: Map<string, HubLicense> } | null = null;

/** The Hub license table (data/hub-licenses.yaml), validated once. Bad data is a CATALOG error naming the file. */
export function hubTable(): { data: HubTable; byHub: Map<string, HubLicense> } {
  if (table) return table;
  const file = dataPath('data', 'hub-licenses.yaml');
  const data = loadDataFile('hub-licenses.yaml', HubTableSchema);
  const byHub = new Map<string, HubLicense>();
  for (const e of data.licenses) {
    const k = e.hub.toLowerCase();
    if (byHub.has(k)) throw new OmlError('CATALOG', `Hub license id '${e.hub}' is listed twice`, { file });
    byHub.set(k, e);
  }
  return (table = { data, byHub });
}

/** The Hub table's entry for a `license:` value (case-insensitive), or undefined. */
export function hubLicense(value: string): HubLicense | undefined {
  return hubTable().byHub.get(value.trim().toLowerCase());
}

/**
 * Normalized key of a license name or id: NFKC, lower case, "licence" read as
 * "license", and only letters, digits, `.` and `+` kept. `Llama 3`, `llama-3`
 * and `llama3` share the key `llama3`; `GPL-3.0` and `gpl-3.0+` do not.
 */
export function nameKey(s: string): string {
  let out = '';
  const t = s.normalize('NFKC').toLowerCase().replaceAll('licence', 'license');
  for (const ch of t) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch === '.' || ch === '+') out += ch;
  }
  return out;
}

interface NameIndex { hf: Map<string, CatalogEntry[]>; names: Map<string, CatalogEntry[]> }
let index: NameIndex | null = null;

function add(map: Map<string, CatalogEntry[]>, key: string, e: CatalogEntry): void {
  if (!key) return;
  const list = map.get(key) ?? [];
  if (!list.includes(e)) list.push(e);
  map.set(key, list);
}

function nameIndex(): NameIndex {
  if (index) return index;
  const hf = new Map<string, CatalogEntry[]>();
  const names = new Map<string, CatalogEntry[]>();
  for (const e of listCatalog()) {
    for (const h of e.hf) add(hf, nameKey(h), e);
    add(hf, nameKey(e.id), e);
    add(names, nameKey(e.name), e);
  }
  return (index = { hf, names });
}

export interface NameHit {
  entries: CatalogEntry[];
  /** What matched: the `hf` list (or id) after normalization, or the entry's full name. */
  via: 'hf' | 'name';
}

/**
 * Catalog entries a card value names, by its normalized key: first the
 * entries' `hf` lists and ids, then their full names. Licenses only when the
 * value could also mean a use policy or notice. Null when nothing matches.
 */
export function catalogByName(value: string): NameHit | null {
  const key = nameKey(value);
  if (!key) return null;
  const { hf, names } = nameIndex();
  for (const [via, map] of [['hf', hf], ['name', names]] as const) {
    const hits = map.get(key);
    if (!hits?.length) continue;
    const licenses = hits.filter((e) => e.kind === 'license');
    return { entries: licenses.length ? licenses : hits, via };
  }
  return null;
}
