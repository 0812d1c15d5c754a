/**
 * Loads and validates the license catalog: the hand-written licenses/*.yaml
 * files with their generated fingerprint sidecars (licenses/fingerprints/<id>.json),
 * and the SPDX fingerprints (see spdx-load.ts). Every problem is collected and
 * reported at once, naming file and field.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { OmlError } from '../errors.js';
import { dataPath } from '../paths.js';
import { sourceFiles } from '../compiled/index.js';
import { readCompiledCatalog } from './compiled-catalog.js';
import { CatalogFileSchema, FingerprintSidecarSchema, type CatalogEntry, type SpdxFingerprintFile, type StoredFingerprint } from './schema.js';
import { loadSpdxFingerprints, loadSpdxShingles } from './spdx-load.js';

export { loadSpdxFingerprints, loadSpdxShingles };

/** Folder of the generated fingerprint sidecars, inside the catalog folder. */
export const FINGERPRINT_DIR = 'fingerprints';

export interface LoadedCatalog {
  dir: string;
  entries: CatalogEntry[];
  spdx: SpdxFingerprintFile;
  /** All SPDX shingles (see SpdxFingerprintFile offsets). */
  spdxShingles: Uint32Array;
}

/** The package's licenses/ folder (see paths.ts packageRoot). */
export function defaultCatalogDir(): string {
  const dir = dataPath('licenses');
  if (!existsSync(dir)) throw new OmlError('CATALOG', 'license catalog folder (licenses/) not found next to the package');
  return dir;
}

/** Validate catalog files in `dir` and their fingerprint sidecars; throws one OmlError listing every problem. */
export function loadCatalogEntries(dir: string): CatalogEntry[] {
  const problems: string[] = [];
  const entries: CatalogEntry[] = [];
  const files = readdirSync(dir).filter((f) => CATALOG_SOURCES.test(f)).sort();
  for (const file of files) {
    let raw: unknown;
    try {
      const text = readFileSync(path.join(dir, file), 'utf8');
      raw = file.endsWith('.json') ? JSON.parse(text) : parse(text);
    } catch (e) {
      problems.push(`${file}: cannot parse: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    if (raw && typeof raw === 'object' && 'fingerprint' in raw) {
      problems.push(`${file}: field fingerprint: generated data does not belong in the hand-written file `
        + `(fingerprints live in ${FINGERPRINT_DIR}/<id>.json: delete the field and run npm run generate)`);
      continue;
    }
    const r = CatalogFileSchema.safeParse(raw);
    if (!r.success) {
      for (const issue of r.error.issues) {
        problems.push(`${file}: field ${issue.path.join('.') || '(root)'}: ${issue.message}`);
      }
      continue;
    }
    const base = file.replace(/\.(ya?ml|json)$/, '');
    if (r.data.id !== base) problems.push(`${file}: field id: "${r.data.id}" does not match the file name`);
    entries.push({ ...r.data, fingerprint: [] });
  }
  const ids = new Set<string>();
  for (const e of entries) {
    if (ids.has(e.id)) problems.push(`${e.id}.yaml: field id: duplicate id "${e.id}"`);
    ids.add(e.id);
  }
  const sidecars = readSidecars(dir, problems);
  for (const e of entries) {
    e.incorporates.forEach((inc, i) => {
      if (!ids.has(inc)) problems.push(`${e.id}.yaml: field incorporates.${i}: unknown catalog id "${inc}"`);
    });
    const fp = sidecars.get(e.id);
    sidecars.delete(e.id);
    if (fp) e.fingerprint = fp;
    if (e.sources.length > 0 && e.fingerprint.length === 0) {
      problems.push(`${FINGERPRINT_DIR}/${e.id}.json: missing or empty: ${e.id}.yaml lists sources (run npm run generate)`);
    }
  }
  for (const id of sidecars.keys()) problems.push(`${FINGERPRINT_DIR}/${id}.json: no catalog entry ${id}.yaml (run npm run generate)`);
  if (problems.length) {
    throw new OmlError('CATALOG', `invalid license catalog (${problems.length} problem(s)):\n  ${problems.join('\n  ')}`, { file: dir });
  }
  return entries;
}

/** The sidecars of dir/fingerprints/ by id (file name), validated; problems are collected. */
function readSidecars(dir: string, problems: string[]): Map<string, StoredFingerprint[]> {
  const out = new Map<string, StoredFingerprint[]>();
  const fdir = path.join(dir, FINGERPRINT_DIR);
  if (!existsSync(fdir)) return out;
  for (const file of readdirSync(fdir).filter((f) => f.endsWith('.json')).sort()) {
    const rel = `${FINGERPRINT_DIR}/${file}`;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path.join(fdir, file), 'utf8'));
    } catch (e) {
      problems.push(`${rel}: cannot parse: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    const r = FingerprintSidecarSchema.safeParse(raw);
    if (!r.success) {
      for (const issue of r.error.issues.slice(0, 5)) problems.push(`${rel}: field ${issue.path.join('.') || '(root)'}: ${issue.message}`);
      continue;
    }
    const id = file.slice(0, -'.json'.length);
    if (r.data.id !== id) problems.push(`${rel}: field id: "${r.data.id}" does not match the file name`);
    else out.set(id, r.data.fingerprint);
  }
  return out;
}

/** Catalog files (top level of the catalog folder). */
export const CATALOG_SOURCES = /\.(?:ya?ml|json)$/;

/** Every file the loaded catalog comes from: the catalog files and their sidecars (the compiled catalog is keyed on them). */
export function catalogSourceFiles(dir: string): string[] {
  const fdir = path.join(dir, FINGERPRINT_DIR);
  return [...sourceFiles(dir, CATALOG_SOURCES, false), ...(existsSync(fdir) ? sourceFiles(fdir, /\.json$/, false) : [])];
}

/**
 * Loads the catalog in dir (default: the package's licenses/). For the package's
 * own catalog, the build's validated dist/data/catalog.json (with its shingle stream,
 * compiled-catalog.ts) is used when it was made from exactly the current YAML files (see src/compiled).
 */
export function loadCatalog(dir: string = defaultCatalogDir()): LoadedCatalog {
  const compiled = dir === defaultCatalogDir()
    ? readCompiledCatalog(dir, catalogSourceFiles(dir))
    : null;
  const entries = compiled ?? loadCatalogEntries(dir);
  for (const e of entries) {
    if (e.basedOn && !/^[A-Za-z0-9][A-Za-z0-9.+-]*$/.test(e.basedOn)) {
      throw new OmlError('CATALOG', `field basedOn: invalid id "${e.basedOn}"`, { file: path.join(dir, `${e.id}.yaml`) });
    }
  }
  const spdx = loadSpdxFingerprints();
  return { dir, entries, spdx, spdxShingles: loadSpdxShingles(spdx) };
}
