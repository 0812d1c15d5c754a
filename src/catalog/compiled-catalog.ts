/**
 * The build's compiled catalog: dist/data/catalog.json holds the validated entries without their
 * fingerprints' shingles, which sit as one little-endian uint32 stream in dist/data/catalog-shingles.bin
 * (about 600 KB; as base64 in the JSON they were 807 KB of its 860 KB, parsed and decoded by every run).
 * Each stored fingerprint names its slice (`at`: start and length in 32-bit words); catalog.json records
 * the stream's sha256, so a run uses the pair only when catalog.json was made from exactly the current
 * YAML files (compiled/index.ts) and the stream still hashes to that digest (from its stat stamp when the
 * file did not change since a run hashed it, compiled/stamp.ts). Anything else (missing, damaged, stale,
 * OML_NO_COMPILED=1) reads nothing of the pair: the catalog is loaded from its YAML files as before.
 *
 * A loaded fingerprint's `shingles` stays the base64 string of the sidecar (encoded from the slice when first
 * read, the same string), and the matcher takes the slice itself (shinglesOf): no base64 on the way.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeShingles, readUint32LE } from '../binary.js';
import { compiledPath, readCompiledFile, sha256Hex } from '../compiled/index.js';
import { stampedSha256 } from '../compiled/stamp.js';
import type { CatalogEntry, StoredFingerprint } from './schema.js';

/** Name of the compiled catalog in dist/data (see compiledPath). */
export const CATALOG_COMPILED = 'catalog';

/** A fingerprint as catalog.json stores it: its shingles are the slice `at` = [start, length] of the stream. */
export interface StoredCompiledFingerprint extends Omit<StoredFingerprint, 'shingles'> {
  at: [number, number];
}
export interface StoredCompiledEntry extends Omit<CatalogEntry, 'fingerprint'> {
  fingerprint: StoredCompiledFingerprint[];
}

/** catalog.json's value: the entries and the sha256 and length (bytes) of the shingle stream beside it. */
export interface StoredCompiledCatalog {
  shingles: { sha256: string; bytes: number };
  entries: StoredCompiledEntry[];
}

/** Where the build writes the shingle stream: beside catalog.json. */
export function catalogShinglesPath(): string {
  return path.join(path.dirname(compiledPath(CATALOG_COMPILED)), 'catalog-shingles.bin');
}

/** The validated entries as catalog.json stores them, and the stream of their shingles (the build, src/build/data.ts). */
export function splitShingles(entries: readonly CatalogEntry[]): { value: StoredCompiledCatalog; bin: Buffer } {
  const parts: Buffer[] = [];
  let words = 0;
  const stored = entries.map((e) => ({
    ...e,
    fingerprint: e.fingerprint.map(({ shingles, ...fp }) => {
      const bytes = Buffer.from(shingles, 'base64');
      if (bytes.length % 4 !== 0 || bytes.toString('base64') !== shingles) throw new Error(`${e.id}: fingerprint ${fp.source}: shingles are not canonical base64 of 32-bit words`);
      parts.push(bytes);
      const at: [number, number] = [words, bytes.length / 4];
      words += bytes.length / 4;
      return { ...fp, at };
    }),
  }));
  const bin = Buffer.concat(parts);
  return { value: { shingles: { sha256: sha256Hex(bin), bytes: bin.length }, entries: stored }, bin };
}

/** Each loaded fingerprint's shingles as the slice of the stream it came from. */
const slices = new WeakMap<StoredFingerprint, Uint32Array>();

/** A fingerprint's shingles: the slice of the compiled stream when it came from one, else decoded from its base64. */
export function shinglesOf(fp: StoredFingerprint): Uint32Array {
  return slices.get(fp) ?? decodeShingles(fp.shingles);
}

/** A loaded fingerprint whose `shingles` is the base64 of its slice, encoded when first read. */
function joined(fp: StoredCompiledFingerprint, stream: Uint32Array): StoredFingerprint {
  const { at, ...rest } = fp;
  const seq = stream.subarray(at[0], at[0] + at[1]);
  let b64: string | undefined;
  const out = { ...rest } as StoredFingerprint;
  Object.defineProperty(out, 'shingles', {
    enumerable: true,
    configurable: true,
    get: () => (b64 ??= Buffer.from(seq.buffer, seq.byteOffset, seq.byteLength).toString('base64')),
    set: (v: string) => { Object.defineProperty(out, 'shingles', { value: v, enumerable: true, writable: true, configurable: true }); slices.delete(out); },
  });
  slices.set(out, seq);
  return out;
}

const sliceFits = (at: unknown, words: number): at is [number, number] => Array.isArray(at) && at.length === 2
  && Number.isInteger(at[0]) && Number.isInteger(at[1]) && at[0] >= 0 && at[1] >= 0 && at[0] + at[1] <= words;

/**
 * The compiled catalog when catalog.json was made from exactly these sources and its shingle stream is the
 * one it names (length and sha256) with every slice inside it; otherwise null (the caller loads the YAML).
 * `file`: the stream (another copy, for tests).
 */
export function readCompiledCatalog(dir: string, files: string[], file = catalogShinglesPath()): CatalogEntry[] | null {
  const c = readCompiledFile<Partial<StoredCompiledCatalog>>(CATALOG_COMPILED, dir, files);
  const value = c?.value;
  if (!value || !Array.isArray(value.entries) || typeof value.shingles?.sha256 !== 'string') return null;
  if (!existsSync(file)) return null;
  let bin: Buffer;
  try {
    bin = readFileSync(file);
  } catch {
    return null;
  }
  if (bin.length !== value.shingles.bytes || bin.length % 4 !== 0 || stampedSha256(file, bin) !== value.shingles.sha256) return null;
  const stream = readUint32LE(bin);
  const entries = value.entries;
  if (!entries.every((e) => Array.isArray(e.fingerprint) && e.fingerprint.every((fp) => sliceFits(fp.at, stream.length)))) return null;
  return entries.map((e) => ({ ...e, fingerprint: e.fingerprint.map((fp) => joined(fp, stream)) }));
}
