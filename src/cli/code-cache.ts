/**
 * Runs the CLI bundle (one CommonJS file, dist/cli-bundle.cjs) through `vm.Script` with V8's code
 * cache, so a run does not compile the ~2 MB bundle again (Node 20 has no module.enableCompileCache;
 * README "Performance"). The cache file sits beside the bundle: the build writes it after a warm run
 * (src/build/code-cache.ts), and a run that finds none it can use writes a new one when the folder is
 * writable. Never in a shared temporary folder: a cache is code, so it lives only where the bundle does.
 *
 * A cache is used only when its header names the exact bundle (sha256 of its bytes), this Node, V8
 * and architecture, and its payload still hashes to the digest in the header; V8 checks it again
 * (flags, version) and may reject it. Anything else (missing, corrupt, stale, rejected, or
 * OML_NO_CODE_CACHE=1) compiles the bundle normally: same code, same output, only slower.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { accessSync, constants, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { stampedSha256 } from '../compiled/stamp.js';

const MAGIC = 'oml-code-cache/1';
/** A header line is short; a longer first line is not a cache file of ours. */
const MAX_HEADER = 1024;

export type CacheStatus = 'accepted' | 'missing' | 'corrupt' | 'stale' | 'rejected' | 'disabled';

interface CacheHeader {
  bundle: string;
  node: string;
  v8: string;
  arch: string;
  payload: string;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The sha256 of the bundle's bytes and of a cache's V8 data (by default hashed; a run passes stamped digests). */
export interface Digests {
  bundle: (bytes: Buffer) => string;
  payload: (data: Buffer) => string;
}
const HASHED: Digests = { bundle: sha256, payload: sha256 };

/** What a cache for this bundle must say in its header (besides its own payload digest). */
function expected(bundle: Buffer, digests: Digests): Omit<CacheHeader, 'payload'> {
  return { bundle: digests.bundle(bundle), node: process.version, v8: process.versions.v8, arch: process.arch };
}

/** The cache file's bytes: `MAGIC\nJSON header\n` and V8's data. */
export function encodeCache(bundle: Buffer, data: Buffer, digests: Digests = HASHED): Buffer {
  const header: CacheHeader = { ...expected(bundle, digests), payload: sha256(data) };
  return Buffer.concat([Buffer.from(`${MAGIC}\n${JSON.stringify(header)}\n`, 'latin1'), data]);
}

/** V8's data from a cache file made for exactly this bundle and runtime, or why there is none. */
export function decodeCache(bundle: Buffer, file: Buffer | null, digests: Digests = HASHED): { data: Buffer } | { status: CacheStatus } {
  if (!file) return { status: 'missing' };
  const end1 = file.indexOf(10);
  const end2 = end1 < 0 ? -1 : file.indexOf(10, end1 + 1);
  if (end1 < 0 || end2 < 0 || end2 > MAX_HEADER || file.toString('latin1', 0, end1) !== MAGIC) return { status: 'corrupt' };
  let header: Partial<CacheHeader>;
  try {
    header = JSON.parse(file.toString('latin1', end1 + 1, end2)) as Partial<CacheHeader>;
  } catch {
    return { status: 'corrupt' };
  }
  const want = expected(bundle, digests);
  if (header.bundle !== want.bundle || header.node !== want.node || header.v8 !== want.v8 || header.arch !== want.arch) return { status: 'stale' };
  const data = file.subarray(end2 + 1);
  if (typeof header.payload !== 'string' || header.payload !== digests.payload(data)) return { status: 'corrupt' };
  return { data };
}

function readOrNull(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Writes the cache next to the bundle (a temporary file renamed over it, so a reader never sees half a file); failures are ignored. */
function writeCache(cacheFile: string, bytes: Buffer): boolean {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, cacheFile);
    return true;
  } catch {
    try { unlinkSync(tmp); } catch { /* not written */ }
    return false;
  }
}

export interface CompiledBundle {
  /** The bundle compiled as the body of a CommonJS module wrapper. */
  script: vm.Script;
  /** What became of the cache found beside it. */
  status: CacheStatus;
  /** The bundle's bytes (the cache header's digest is of them). */
  bytes: Buffer;
  /** How this run knows the bundle's digest (hashed, or from its stat stamp). */
  digests: Digests;
}

/**
 * The digests of the bundle and of the cache file's V8 data from their stat stamps (src/compiled/stamp.ts:
 * FILE.sources.json beside each) when the files did not change since a run hashed them, else hashed: a run
 * does not hash the 2.3 MB bundle and its 1.2 MB cache again. Both files are read before their stats are taken.
 */
function stampedDigests(bundleFile: string, cacheFile: string): Digests {
  return { bundle: (b) => stampedSha256(bundleFile, b), payload: (d) => stampedSha256(cacheFile, d) };
}

/** `bundleFile` compiled with the cache `cacheFile` when that cache is made for it and V8 takes it; otherwise compiled normally. */
export function compileBundle(bundleFile: string, cacheFile: string, opts: { noCache?: boolean } = {}): CompiledBundle {
  const bytes = readFileSync(bundleFile);
  const digests = stampedDigests(bundleFile, cacheFile);
  const found = opts.noCache ? { status: 'disabled' as const } : decodeCache(bytes, readOrNull(cacheFile), digests);
  const cachedData = 'data' in found ? found.data : undefined;
  // the build writes ASCII (esbuild charset ascii): latin1 then gives V8 a one-byte string without UTF-8 decoding
  const text = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const source = `(function (exports, require, module, __filename, __dirname) {${text}\n})`;
  const script = new vm.Script(source, { filename: bundleFile, cachedData });
  const status: CacheStatus = 'status' in found ? found.status : script.cachedDataRejected ? 'rejected' : 'accepted';
  return { script, status, bytes, digests };
}

/** Runs the compiled bundle in this context as `require` would run a CommonJS file; returns its module.exports. */
export function runBundle(b: CompiledBundle, bundleFile: string): unknown {
  const module = { exports: {} };
  const run = b.script.runInThisContext() as (e: object, r: NodeRequire, m: object, f: string, d: string) => void;
  run.call(module.exports, module.exports, createRequire(bundleFile), module, bundleFile, path.dirname(bundleFile));
  return module.exports;
}

/** Writes a cache of what V8 has compiled of the bundle so far (call after running it); false when it could not. */
export function saveCache(b: CompiledBundle, cacheFile: string): boolean {
  return writable(path.dirname(cacheFile)) && writeCache(cacheFile, encodeCache(b.bytes, b.script.createCachedData(), b.digests));
}

export interface CachedRun {
  /** What became of the cache this run found. */
  status: CacheStatus;
  /** Whether this run wrote a new cache (at process exit, when it could not use one). */
  written: () => boolean;
}

/**
 * Runs the CommonJS file `bundleFile` in this context, compiled from the cache `cacheFile` when that
 * cache is good; otherwise compiled normally, and a new cache is written at process exit (so it holds
 * the functions the run compiled too) unless `noCache` or the folder is read-only.
 */
export function runCodeCached(bundleFile: string, cacheFile: string, opts: { noCache?: boolean } = {}): CachedRun {
  const b = compileBundle(bundleFile, cacheFile, opts);
  let wrote = false;
  if (b.status !== 'accepted' && b.status !== 'disabled' && writable(path.dirname(cacheFile))) {
    process.once('exit', () => { wrote = saveCache(b, cacheFile); });
  }
  runBundle(b, bundleFile);
  return { status: b.status, written: () => wrote };
}
