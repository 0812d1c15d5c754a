/**
 * Loads and validates the license catalog (licenses/*.yaml) and the generated
 * SPDX fingerprints (licenses/spdx/fingerprints.json). Every problem is
 * collected and reported at once, naming file and field.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { OmlError } from '../errors.js';
import { dataPath } from '../paths.js';
import { readCompiled, sourceFiles } from '../compiled/index.js';
import { readUint32LE } from '../binary.js';
import { CatalogEntrySchema, SpdxFingerprintFileSchema, type CatalogEntry, type SpdxFingerprintFile } from './schema.js';

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

/** Validate catalog files in `dir`; throws one OmlError listing every problem. */
export function loadCatalogEntries(dir: string): CatalogEntry[] {
  const problems: string[] = [];
  const entries: CatalogEntry[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml') || f.endsWith('.json')).sort();
  for (const file of files) {
    let raw: unknown;
    try {
      const text = readFileSync(path.join(dir, file), 'utf8');
      raw = file.endsWith('.json') ? JSON.parse(text) : parse(text);
    } catch (e) {
      problems.push(`${file}: cannot parse: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    const r = CatalogEntrySchema.safeParse(raw);
    if (!r.success) {
      for (const issue of r.error.issues) {
        problems.push(`${file}: field ${issue.path.join('.') || '(root)'}: ${issue.message}`);
      }
      continue;
    }
    const base = file.replace(/\.(ya?ml|json)$/, '');
    if (r.data.id !== base) problems.push(`${file}: field id: "${r.data.id}" does not match the file name`);
    entries.push(r.data);
  }
  const ids = new Set<string>();
  for (const e of entries) {
    if (ids.has(e.id)) problems.push(`${e.id}.yaml: field id: duplicate id "${e.id}"`);
    ids.add(e.id);
  }
  for (const e of entries) {
    e.incorporates.forEach((inc, i) => {
      if (!ids.has(inc)) problems.push(`${e.id}.yaml: field incorporates.${i}: unknown catalog id "${inc}"`);
    });
    if (e.sources.length > 0 && e.fingerprint.length === 0) {
      problems.push(`${e.id}.yaml: field fingerprint: missing (run npm run fingerprints)`);
    }
  }
  if (problems.length) {
    throw new OmlError('CATALOG', `invalid license catalog (${problems.length} problem(s)):\n  ${problems.join('\n  ')}`, { file: dir });
  }
  return entries;
}

export function loadSpdxFingerprints(dir: string): SpdxFingerprintFile {
  const file = path.join(dir, 'spdx', 'fingerprints.json');
  if (!existsSync(file)) return { generatedBy: 'missing', source: 'missing', licenses: [] };
  const r = SpdxFingerprintFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!r.success) {
    const issues = r.error.issues.slice(0, 10).map((i) => `field ${i.path.join('.')}: ${i.message}`);
    throw new OmlError('CATALOG', `invalid SPDX fingerprints:\n  ${issues.join('\n  ')}`, { file });
  }
  return r.data;
}

/** Catalog source files (the compiled catalog is keyed on them). */
export const CATALOG_SOURCES = /\.(?:ya?ml|json)$/;

/**
 * Loads the catalog in dir (default: the package's licenses/). For the package's
 * own catalog, the build's validated dist/data/catalog.json is used when it was
 * made from exactly the current YAML files (see src/compiled).
 */
export function loadCatalog(dir: string = defaultCatalogDir()): LoadedCatalog {
  const compiled = dir === defaultCatalogDir()
    ? readCompiled<CatalogEntry[]>('catalog', dir, sourceFiles(dir, CATALOG_SOURCES, false))
    : null;
  const entries = compiled ?? loadCatalogEntries(dir);
  for (const e of entries) {
    if (e.basedOn && !/^[A-Za-z0-9][A-Za-z0-9.+-]*$/.test(e.basedOn)) {
      throw new OmlError('CATALOG', `field basedOn: invalid id "${e.basedOn}"`, { file: path.join(dir, `${e.id}.yaml`) });
    }
  }
  const spdx = loadSpdxFingerprints(dir);
  return { dir, entries, spdx, spdxShingles: loadSpdxShingles(dir, spdx) };
}

export function loadSpdxShingles(dir: string, spdx: SpdxFingerprintFile): Uint32Array {
  const file = path.join(dir, 'spdx', 'shingles.bin');
  if (!existsSync(file)) return new Uint32Array(0);
  const out = readUint32LE(readFileSync(file));
  const last = spdx.licenses[spdx.licenses.length - 1];
  if (last && last.offset + last.count > out.length) {
    throw new OmlError('CATALOG', 'SPDX shingles.bin is shorter than its index (run npm run fingerprints)', { file });
  }
  return out;
}
