/**
 * Analyses kept across runs, opt-in (`oml analyze --result-cache`, AnalyzeOptions.resultCache): the same
 * LICENSE analysed on every CI push is analysed once, and later runs read the result the first run stored.
 *
 * What makes a stored result stand. An entry is keyed, as the same-text memo of one run is (dedupe.ts), by
 * the text's hash, encoding, byte count and file name, and under a stamp of everything else the analysis
 * depends on: the build id of the code (none when run from the sources: then no cache), Node's, V8's and
 * ICU's versions, the SPDX packages, every file of the package's data folders (licenses/, rules/, data/;
 * their digests served from stat stamps as the compiled data's are, src/compiled/stamp.ts) and the options
 * that change a result (limits, profile, known base models, markdown engine). Any change there is another
 * stamp, so another key: an old entry is never read for a new build or new data. The entry holds the key
 * and the stamp in full and is used only when both are equal, so a file renamed onto another key is not.
 *
 * Where it is kept, and why it is trusted. A stored result is believed without being read again, so a
 * poisoned entry could pass a restrictive license as permissive: the worst bug oml can have. So the cache is
 * off unless asked for; its folder (default `<platform cache dir>/oml/results`, or OML_RESULT_CACHE_DIR) must
 * be a directory owned by the user running oml that no group or other user may write, and every entry a
 * regular file with the same owner and no group or other write bit (POSIX; checked on the open file). A folder
 * that fails is refused with an error naming it (exit 2), an entry that fails is not read. Never point it at a
 * folder others can write (a shared /tmp, a CI cache restored from untrusted branches).
 *
 * Bounded: an entry over MAX_ENTRY_BYTES is neither written nor read, and a folder holding more than
 * MAX_ENTRIES entries has its oldest removed down to three quarters of that when this process first writes.
 * An entry that cannot be read or parsed is a miss (the text is analysed); a write that fails is skipped.
 * Off with OML_NO_FASTPATH=1, like every fast path (test/analyze/result-cache.test.ts: same JSON either way).
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import envPaths from 'env-paths';
import { buildId, sourceFiles, sourcesDigest } from '../compiled/index.js';
import { spdxPackages } from '../catalog/spdx-load.js';
import { OmlError } from '../errors.js';
import { dataPath } from '../paths.js';
import type { Analysis } from '../types.js';
import type { AnalyzeOptions } from './options.js';

const FORMAT = 'oml-result/1';
export const MAX_ENTRY_BYTES = 8 * 1024 * 1024;
export const MAX_ENTRIES = 20_000;
const ENTRY = /^[0-9a-f]{64}\.json$/;
/** The stand-in directory a stored analysis was made under (dedupe.ts): its nonce is what re-stamping checks. */
const STAND_IN = /^oml-same-text-([0-9a-f]{24})\/$/;

/** The default folder: <platform cache dir>/oml/results, or OML_RESULT_CACHE_DIR. */
export function defaultResultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.OML_RESULT_CACHE_DIR?.trim() || join(envPaths('oml', { suffix: '' }).cache, 'results');
}

/** A value as JSON with object keys sorted (a Map as its sorted entries), so equal options give one key. */
function stable(v: unknown): unknown {
  if (v instanceof Map) return [...v.entries()].map(([k, x]) => [String(k), stable(x)]).sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
  if (Array.isArray(v)) return v.map(stable);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = stable((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** Every file of a package data folder, digested as compiled data is (served from a stat stamp when unchanged). */
function folderDigest(name: string): string {
  const dir = dataPath(name);
  return sourcesDigest(`result-cache-${name}`, dir, sourceFiles(dir, /./));
}

/** The stamp of this code, data and options; null when run from the sources (no build id: no cache). */
export function resultStamp(opts: AnalyzeOptions, build: string | null = buildId()): string | null {
  if (build === null) return null;
  const parts = {
    format: FORMAT,
    build,
    runtime: [process.version, process.versions.v8, process.versions.icu ?? '', process.versions.unicode ?? ''],
    packages: spdxPackages(),
    data: ['licenses', 'rules', 'data'].map(folderDigest),
    options: stable({ limits: opts.limits ?? null, profile: opts.profile ?? null, knownModels: opts.knownModels ?? null, markdown: opts.markdown ?? 'remark' }),
  };
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

const posix = typeof process.getuid === 'function';
/** Owned by this user and writable by nobody else (always true where there are no POSIX owners). */
const private_ = (s: Stats) => !posix || (s.uid === process.getuid!() && (s.mode & 0o022) === 0);

/**
 * Creates the result cache folder when missing and checks it: a directory (a symbolic link is not followed) owned
 * by this user that no one else may write. Throws OmlError('USAGE') naming the folder otherwise.
 */
export function checkResultFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw new OmlError('USAGE', `result cache: cannot create the folder (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { file: dir });
  }
  const st = lstatSync(dir);
  if (!st.isDirectory()) throw new OmlError('USAGE', 'result cache: not a directory (a symbolic link is not followed)', { file: dir });
  if (!private_(st)) {
    throw new OmlError('USAGE', 'result cache: the folder must belong to you and be writable by no one else (chmod go-w), or a stored result could be forged', { file: dir });
  }
}

/** A stored result: the analysis made under `standIn` (re-stamped by the caller, dedupe.ts). */
export interface StoredResult { standIn: string; nonce: string; analysis: Analysis }

export class ResultCache {
  private pruned = false;

  private constructor(readonly dir: string, private readonly stamp: string) {}

  /**
   * The cache in `dir` for results made with `opts` (the folder created when missing); null when there can be
   * none (run from the sources). Throws OmlError('USAGE') naming the folder when it is not a private directory
   * of this user, whether or not there is a build id.
   */
  static open(dir: string, opts: AnalyzeOptions, build: string | null = buildId()): ResultCache | null {
    checkResultFolder(dir);
    const stamp = resultStamp(opts, build);
    return stamp === null ? null : new ResultCache(dir, stamp);
  }

  private file(key: string): string {
    return join(this.dir, `${createHash('sha256').update(`${this.stamp}\0${key}`).digest('hex')}.json`);
  }

  /** The stored result for `key` (dedupe.ts's text key), or undefined. */
  get(key: string): StoredResult | undefined {
    let fd: number | undefined;
    try {
      fd = openSync(this.file(key), 'r');
      const st = fstatSync(fd);
      if (!st.isFile() || !private_(st) || st.size > MAX_ENTRY_BYTES) return undefined;
      const buf = Buffer.alloc(st.size);
      let got = 0;
      while (got < buf.length) {
        const n = readSync(fd, buf, got, buf.length - got, got);
        if (n === 0) return undefined;
        got += n;
      }
      const e = JSON.parse(buf.toString('utf8')) as Record<string, unknown>;
      if (e.format !== FORMAT || e.stamp !== this.stamp || e.key !== key || typeof e.standIn !== 'string') return undefined;
      const nonce = STAND_IN.exec(e.standIn)?.[1];
      const a = e.analysis as Analysis | undefined;
      if (!nonce || !a || typeof a !== 'object' || Array.isArray(a) || typeof a.subject !== 'object' || !Array.isArray(a.terms)) return undefined;
      return { standIn: e.standIn, nonce, analysis: a };
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  /** Keeps `analysis` (made under `standIn`) for `key`; a failed write is skipped. */
  put(key: string, standIn: string, analysis: Analysis): void {
    const body = JSON.stringify({ format: FORMAT, stamp: this.stamp, key, standIn, analysis });
    if (Buffer.byteLength(body) > MAX_ENTRY_BYTES) return;
    const target = this.file(key);
    const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      if (!this.pruned) this.prune();
      writeFileSync(tmp, body, { mode: 0o600, flag: 'wx' });
      renameSync(tmp, target);
    } catch {
      rmSync(tmp, { force: true });
    }
  }

  /** Over MAX_ENTRIES entries: the oldest removed down to three quarters of it (once per process). */
  private prune(): void {
    this.pruned = true;
    const names = readdirSync(this.dir).filter((n) => ENTRY.test(n));
    if (names.length <= MAX_ENTRIES) return;
    const aged = names.map((n) => ({ n, t: statSync(join(this.dir, n), { throwIfNoEntry: false })?.mtimeMs ?? 0 })).sort((a, b) => a.t - b.t);
    for (const { n } of aged.slice(0, names.length - Math.floor(MAX_ENTRIES * 0.75))) rmSync(join(this.dir, n), { force: true });
  }
}
