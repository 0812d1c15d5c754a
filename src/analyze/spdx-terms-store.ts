/**
 * The standard SPDX licenses' terms (spdx-terms.ts), computed by the build for every license of the
 * spdx-license-list package: dist/data/spdx-terms.bin holds each license's terms as JSON, one after
 * another; dist/data/spdx-terms.json holds the stamp and each id's offset, length and sha256. A run
 * reads only the slice of the license it needs.
 *
 * The terms come from the extraction code as much as from data, so the stamp covers both: the build
 * id of the code (buildId in src/compiled/index.ts; none when run from the sources), the spdx-license-list
 * version, and the digests of the rules and data/ sources. The store is used only when its stamp is
 * this run's, and a slice only when its bytes hash to its sha256 and parse as a list; otherwise, or
 * with OML_NO_COMPILED=1, the terms are computed at run time: the same terms either way.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { acceptedDigest, compiledPath, sha256Hex, sourceFiles, sourcesDigest } from '../compiled/index.js';
import { buildId } from '../compiled/index.js';
import { spdxPackages } from '../catalog/spdx-load.js';
import { RULE_SOURCES } from '../extract/compile.js';
import { defaultRulesDir } from '../extract/load.js';
import { dataPath } from '../paths.js';
import type { Term } from '../types.js';

const NAME = 'spdx-terms';

export interface StoredTermsMeta {
  /** The code build that computed them (informative: the stamp covers it). */
  build: string;
  stamp: string;
  /** id -> [offset, length, sha256 of those bytes] in spdx-terms.bin. */
  entries: Record<string, [number, number, string]>;
}

/** Where the build writes the store: the description (JSON) and the bytes beside it. */
export const storedSpdxTermsPaths = (meta = compiledPath(NAME)) => ({ meta, bin: meta.replace(/\.json$/, '.bin') });

/** Every data file extraction may read (rules are digested as the compiled rules are: `rules` below). */
const DATA_SOURCES = /\.ya?ml$/;

/** What the stored terms must have been computed by and from; null without a build id (run from the sources). */
export function spdxTermsStamp(build: string | null = buildId()): string | null {
  if (build === null) return null;
  const rulesDir = defaultRulesDir();
  const dataDir = dataPath('data');
  const parts = {
    build,
    packages: spdxPackages(),
    // the rules' digest as the compiled rules were accepted for in this run, else computed the same way
    rules: acceptedDigest('rules') ?? sourcesDigest('rules', rulesDir, sourceFiles(rulesDir, RULE_SOURCES)),
    data: sourcesDigest('spdx-terms-data', dataDir, sourceFiles(dataDir, DATA_SOURCES)),
  };
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** Writes the terms of each id (the build, src/build/spdx-terms.ts); `stamp` is spdxTermsStamp(build). */
export function writeStoredSpdxTerms(build: string, stamp: string, terms: ReadonlyMap<string, Term[]>, p = storedSpdxTermsPaths()): void {
  const parts: Buffer[] = [];
  const entries: StoredTermsMeta['entries'] = {};
  let offset = 0;
  for (const [id, list] of terms) {
    const b = Buffer.from(JSON.stringify(list), 'utf8');
    entries[id] = [offset, b.length, sha256Hex(b)];
    parts.push(b);
    offset += b.length;
  }
  writeFileSync(p.bin, Buffer.concat(parts));
  writeFileSync(p.meta, JSON.stringify({ build, stamp, entries } satisfies StoredTermsMeta));
}

const validEntry = (e: unknown): e is [number, number, string] => Array.isArray(e) && e.length === 3
  && Number.isSafeInteger(e[0]) && Number.isSafeInteger(e[1]) && e[0] >= 0 && e[1] >= 0 && typeof e[2] === 'string';

/** The bytes [offset, offset + length) of file, or null when it cannot be read whole. */
function readSlice(file: string, offset: number, length: number): Buffer | null {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    if (offset + length > size) return null;
    const bytes = Buffer.alloc(length);
    let got = 0;
    while (got < length) {
      const n = readSync(fd, bytes, got, length - got, offset + got);
      if (n === 0) return null;
      got += n;
    }
    return bytes;
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The store's description when it was made for this run (see spdxTermsStamp); null otherwise. */
export function readStoredSpdxTermsMeta(stamp: string | null, p = storedSpdxTermsPaths()): StoredTermsMeta | null {
  if (stamp === null || process.env.OML_NO_COMPILED === '1') return null;
  let meta: Partial<StoredTermsMeta>;
  try {
    meta = JSON.parse(readFileSync(p.meta, 'utf8')) as Partial<StoredTermsMeta>;
  } catch {
    return null;
  }
  if (meta?.stamp !== stamp || !meta.entries || typeof meta.entries !== 'object') return null;
  return meta as StoredTermsMeta;
}

/** The stored terms of id when present and intact in a store made for this run; null otherwise. */
export function readStoredSpdxTerms(meta: StoredTermsMeta | null, id: string, p = storedSpdxTermsPaths()): Term[] | null {
  if (!meta || !Object.hasOwn(meta.entries, id)) return null;
  const e: unknown = meta.entries[id];
  if (!validEntry(e)) return null;
  const bytes = readSlice(p.bin, e[0], e[1]);
  if (!bytes || sha256Hex(bytes) !== e[2]) return null;
  try {
    const terms: unknown = JSON.parse(bytes.toString('utf8'));
    return Array.isArray(terms) ? (terms as Term[]) : null;
  } catch {
    return null;
  }
}

let memo: { stamp: string | null; meta: StoredTermsMeta | null } | null = null;

/** The stored terms of id for this run (the store's description is read and checked once per process). */
export function storedSpdxTerms(id: string): Term[] | null {
  if (process.env.OML_NO_COMPILED === '1') return null;
  if (!memo) {
    const stamp = spdxTermsStamp();
    memo = { stamp, meta: readStoredSpdxTermsMeta(stamp) };
  }
  return readStoredSpdxTerms(memo.meta, id);
}
