/**
 * The matcher's sampled shingle index (templates.ts buildIndex), compiled by the build into
 * dist/data/shingle-index.bin with its description in shingle-index.json, so a run does not rebuild it
 * (the largest single step of a one-file run's start-up). The stored index is used only when its
 * digest, sha256 over every template's id and shingle sequence in matcher order, is that of the
 * templates this run loaded, and its sizes add up; otherwise (or with OML_NO_COMPILED=1) the run
 * builds the index itself: the same index either way.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { compiledPath, readStoredPair, sha256Hex } from '../compiled/index.js';
import { stampedSha256 } from '../compiled/stamp.js';
import type { ShingleIndex, Template } from './templates.js';

const NAME = 'shingle-index';

interface StoredIndexMeta {
  digest: string;
  /** sha256 of shingle-index.bin: a damaged file is not read. */
  bin: string;
  endianness: string;
  bits: number;
  occurrences: number;
  /** Each template's distinct sampled shingles (Template.sampled), in matcher order. */
  sampled: number[];
}

/** What the stored index must have been built from: the templates' ids and sequences, in order. */
export function templatesDigest(templates: readonly Template[]): string {
  // the same bytes as one update per piece, laid out in one buffer first: one call into the hash, not
  // two per template (a one-file run checks ~800 templates)
  const heads = templates.map((t) => `${t.id}\0${t.seq.length}\0`);
  let bound = 0;
  templates.forEach((t, i) => { bound += 3 * heads[i]!.length + t.seq.byteLength; });
  const all = Buffer.allocUnsafe(bound);
  let at = 0;
  templates.forEach((t, i) => {
    at += all.write(heads[i]!, at, 'utf8');
    all.set(new Uint8Array(t.seq.buffer, t.seq.byteOffset, t.seq.byteLength), at);
    at += t.seq.byteLength;
  });
  return createHash('sha256').update(all.subarray(0, at)).digest('hex');
}


/** Where the build writes the index: the description (JSON) and the bytes beside it. */
export const storedIndexPaths = (meta = compiledPath(NAME)) => ({ meta, bin: meta.replace(/\.json$/, '.bin') });

/** The index's bytes: keys (Uint32, 2^bits), start (Int32, 2^bits + 1), ti (Uint16): the 4-byte arrays first, aligned. */
function layout(bits: number, occurrences: number) {
  const size = 2 ** bits;
  const keys = 0;
  const start = keys + 4 * size;
  const ti = start + 4 * (size + 1);
  return { size, keys, start, ti, bytes: ti + 2 * occurrences };
}

/** Writes the index built for `templates` (the build, src/build/data.ts). */
export function writeStoredIndex(templates: readonly Template[], index: ShingleIndex, p = storedIndexPaths()): void {
  const occurrences = index.ti.length;
  const l = layout(index.bits, occurrences);
  const buf = Buffer.alloc(l.bytes);
  Buffer.from(index.keys.buffer, index.keys.byteOffset, index.keys.byteLength).copy(buf, l.keys);
  Buffer.from(index.start.buffer, index.start.byteOffset, index.start.byteLength).copy(buf, l.start);
  Buffer.from(index.ti.buffer, index.ti.byteOffset, index.ti.byteLength).copy(buf, l.ti);
  const meta: StoredIndexMeta = { digest: templatesDigest(templates), bin: sha256Hex(buf), endianness: endianness(), bits: index.bits, occurrences, sampled: templates.map((t) => t.sampled) };
  writeFileSync(p.bin, buf);
  writeFileSync(p.meta, JSON.stringify(meta));
}

/**
 * The stored index when it was built from exactly these templates (and sets each template's
 * `sampled`); null when missing, stale, damaged or disabled.
 */
export function readStoredIndex(templates: readonly Template[], p = storedIndexPaths()): ShingleIndex | null {
  const stored = readStoredPair<StoredIndexMeta>(p);
  if (!stored) return null;
  const { meta, bin } = stored;
  const { bits, occurrences, sampled } = meta;
  if (meta.endianness !== endianness() || !Number.isInteger(bits) || bits! < 1 || bits! > 30 || !Number.isInteger(occurrences) || occurrences! < 0) return null;
  if (!Array.isArray(sampled) || sampled.length !== templates.length) return null;
  const l = layout(bits!, occurrences!);
  if (bin.length !== l.bytes || meta.bin !== stampedSha256(p.bin, bin) || meta.digest !== templatesDigest(templates)) return null;
  // typed-array views need an aligned offset: copy when the read buffer is not
  const b = bin.byteOffset % 4 === 0 ? bin : Buffer.from(bin);
  const index: ShingleIndex = {
    bits: bits!,
    keys: new Uint32Array(b.buffer, b.byteOffset + l.keys, l.size),
    start: new Int32Array(b.buffer, b.byteOffset + l.start, l.size + 1),
    ti: new Uint16Array(b.buffer, b.byteOffset + l.ti, occurrences!),
  };
  templates.forEach((t, i) => { t.sampled = sampled[i]!; });
  return index;
}
