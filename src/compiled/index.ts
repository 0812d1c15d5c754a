/**
 * Compiled data: the build (scripts/compile-data.mjs, run after tsup) writes
 * the validated catalog and rules as JSON under dist/data/, each stamped with a
 * digest of the YAML sources it came from. At run time the JSON is used only
 * when the sources still hash to that digest, so editing a YAML file without
 * rebuilding falls back to parsing and validating the YAML: never stale data.
 * Parsing JSON instead of YAML + zod saves most of the start-up time.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { packageRoot, toPosix } from '../paths.js';
import { stampedDigest } from './stamp.js';

export interface CompiledFile<T> {
  /** sha256 over the sources' relative paths and bytes. */
  digest: string;
  value: T;
  /**
   * Names (keys of value) whose entry the build checked against its zod schema and found unchanged by
   * it (no defaults or transforms applied): the run uses them without validating again.
   */
  validated?: string[];
}

/** Files under dir whose name matches ext, recursively, in a sorted walk (each folder's entries by name). */
export function sourceFiles(dir: string, ext: RegExp, recursive = true): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    // one readdir with the entries' types instead of a stat per file (every run digests these folders);
    // a symbolic link is followed, as stat would
    const entries = readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isSymbolicLink() ? statSync(p).isDirectory() : e.isDirectory()) { if (recursive) walk(p); }
      else if (ext.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/**
 * path.relative(dir, f) without its resolving and splitting (a run digests a few hundred files): when
 * both are normalized and f lies under dir, as sourceFiles builds them, that is the rest of f.
 */
function relativeTo(dir: string): (f: string) => string {
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  const normal = path.normalize(prefix) === prefix;
  return (f) => (normal && f.startsWith(prefix) && path.normalize(f) === f ? f.slice(prefix.length) : path.relative(dir, f));
}

/** Digest of the files (relative to dir): paths and contents. */
export function digestOf(dir: string, files: string[]): string {
  const h = createHash('sha256');
  const rel = relativeTo(dir);
  for (const f of files) {
    h.update(toPosix(rel(f)));
    h.update('\0');
    h.update(readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex');
}

/**
 * digestOf(dir, files), read from the stamp `name` beside the compiled data when every file still shows the
 * stats a run recorded after hashing them (stamp.ts), else computed (and stamped).
 */
export function sourcesDigest(name: string, dir: string, files: string[]): string {
  return stampedDigest(path.join(path.dirname(compiledPath(name)), `${name}.sources.json`), dir, files, () => digestOf(dir, files));
}

/** Where the build writes compiled data. */
export function compiledPath(name: string): string {
  return path.join(packageRoot(), 'dist', 'data', `${name}.json`);
}

/** Source digests this process checked a compiled file against and found equal, by compiled name. */
const accepted = new Map<string, string>();

/**
 * The digest of the sources the compiled file `name` was last accepted for in this process (the
 * sources it was loaded from), so another artefact derived from the same sources need not read them
 * again; undefined when none was.
 */
export function acceptedDigest(name: string): string | undefined {
  return accepted.get(name);
}

/** The compiled file when present and made from exactly these sources; otherwise null. */
export function readCompiledFile<T>(name: string, dir: string, files: string[]): CompiledFile<T> | null {
  const file = compiledPath(name);
  if (process.env.OML_NO_COMPILED === '1' || !existsSync(file)) return null;
  try {
    const c = JSON.parse(readFileSync(file, 'utf8')) as CompiledFile<T>;
    // the sources' digest, from their stat stamp when none changed since a run last hashed them (stamp.ts)
    const digest = sourcesDigest(name, dir, files);
    if (c.digest !== digest) return null;
    accepted.set(name, digest);
    return c;
  } catch {
    return null;
  }
}

/** The compiled value when present and made from exactly these sources; otherwise null. */
export function readCompiled<T>(name: string, dir: string, files: string[]): T | null {
  return readCompiledFile<T>(name, dir, files)?.value ?? null;
}

/** Hex sha256 of bytes (the integrity stamp of a stored binary artefact). */
export const sha256Hex = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/**
 * A build-time artefact stored as a JSON description beside a binary file (dist/data/<name>.json + .bin): both
 * read, or null when compiled data is disabled (OML_NO_COMPILED=1), either file is missing or the JSON does not
 * parse. The caller checks the description against what it needs and the bytes against `bin`'s digest.
 */
export function readStoredPair<M>(p: { meta: string; bin: string }): { meta: Partial<M>; bin: Buffer } | null {
  if (process.env.OML_NO_COMPILED === '1' || !existsSync(p.meta) || !existsSync(p.bin)) return null;
  try {
    return { meta: JSON.parse(readFileSync(p.meta, 'utf8')) as Partial<M>, bin: readFileSync(p.bin) };
  } catch {
    return null;
  }
}

declare const __OML_BUILD_ID__: string | undefined;

/**
 * The id of the build this code belongs to: tsup defines `__OML_BUILD_ID__` in every bundle of one
 * build (tsup.config.ts: sha256 over the sources, the lockfile and the config), so an artefact the
 * build computed with the code itself, not only from data (dist/data/spdx-terms.*), is used only by
 * that same code. Run from the sources (tests) there is no build id, and such artefacts are not used.
 */
export function buildId(): string | null {
  return typeof __OML_BUILD_ID__ === 'string' ? __OML_BUILD_ID__ : null;
}
