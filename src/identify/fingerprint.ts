// Fingerprints of license texts: a hash of the normalized body and the ordered
// sequence of hashed word shingles (K words). Shared by the generator script and
// the library.
import { tokenize } from './normalize.js';

export const SHINGLE_K = 5;
/** Fingerprint format version: bump when normalization or hashing changes. */
export const FINGERPRINT_VERSION = 3;

/** 32-bit FNV-1a of a string (UTF-16 code units). */
export function fnv1a32(str: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** fnv1a32 of every word (computed once, shared by shingleSeq and bodyHash). */
export function wordHashes(words: readonly string[]): Uint32Array {
  const wh = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) wh[i] = fnv1a32(words[i]);
  return wh;
}

/**
 * Ordered shingle hashes of `words` (K consecutive words each). A text shorter
 * than K words yields one shingle of all its words.
 * `hashes`: wordHashes(words), when already computed.
 */
export function shingleSeq(words: readonly string[], hashes?: Uint32Array): Uint32Array {
  const n = words.length;
  if (n === 0) return new Uint32Array(0);
  const wh = hashes ?? wordHashes(words);
  const k = Math.min(SHINGLE_K, n);
  const out = new Uint32Array(n - k + 1);
  for (let i = 0; i + k <= n; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < k; j++) {
      h ^= wh[i + j];
      h = Math.imul(h, 0x01000193);
      h ^= h >>> 13;
    }
    out[i] = h >>> 0;
  }
  return out;
}

/** 128-bit hash (32 hex chars) of a normalized body (word list): four FNV-style lanes over the words (`hashes`: their wordHashes, when known). */
export function bodyHash(words: readonly string[], hashes?: Uint32Array): string {
  let a = 0x811c9dc5, b = 0x01000193 ^ words.length, c = 0x9e3779b9, d = 0x85ebca6b;
  for (let i = 0; i < words.length; i++) {
    const w = hashes ? hashes[i] : fnv1a32(words[i]);
    a = Math.imul(a ^ w, 0x01000193);
    b = Math.imul(b ^ w, 0x5bd1e995); b ^= b >>> 15;
    c = Math.imul(c + w, 0xcc9e2d51); c = (c << 13) | (c >>> 19);
    d = Math.imul(d ^ (w + i), 0x1b873593); d ^= d >>> 16;
  }
  const hex = (x: number): string => (x >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b) + hex(c) + hex(d);
}

/**
 * Sorted distinct values of a shingle sequence: a least-significant-byte radix sort (four passes of
 * 256 buckets; about twice as fast as TypedArray sort on a license's shingles), then the repeats dropped.
 */
export function sortedUnique(seq: Uint32Array): Uint32Array {
  const n = seq.length;
  let a = Uint32Array.from(seq);
  let b = new Uint32Array(n);
  const count = new Uint32Array(256);
  for (let shift = 0; shift < 32; shift += 8) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[(a[i]! >>> shift) & 255]!++;
    for (let d = 0, at = 0; d < 256; d++) {
      const c = count[d]!;
      count[d] = at;
      at += c;
    }
    for (let i = 0; i < n; i++) {
      const v = a[i]!;
      b[count[(v >>> shift) & 255]!++] = v;
    }
    const t = a;
    a = b;
    b = t;
  }
  let m = 0;
  for (let i = 0; i < n; i++) if (i === 0 || a[i] !== a[i - 1]) a[m++] = a[i]!;
  return a.subarray(0, m);
}

/** Size of the intersection of two sorted distinct arrays (a merge without branches on the comparisons). */
export function intersectCount(a: Uint32Array, b: Uint32Array): number {
  const na = a.length, nb = b.length;
  let i = 0, j = 0, n = 0;
  while (i < na && j < nb) {
    const x = a[i]!, y = b[j]!;
    n += +(x === y);
    i += +(x <= y);
    j += +(y <= x);
  }
  return n;
}

export interface TextFingerprint { hash: string; words: number; shingles: Uint32Array }

/** Fingerprint of a text's body (title and preamble dropped). */
export function fingerprintText(text: string): TextFingerprint {
  const t = tokenize(text);
  const body = t.words.slice(t.bodyStart);
  return { hash: bodyHash(body), words: body.length, shingles: shingleSeq(body) };
}

/** Uint32Array -> base64 (little endian). */
export function encodeShingles(arr: Uint32Array): string {
  const buf = Buffer.alloc(arr.length * 4);
  for (let i = 0; i < arr.length; i++) buf.writeUInt32LE(arr[i], i * 4);
  return buf.toString('base64');
}

// decoding (readUint32LE, decodeShingles) lives in src/binary.ts: the catalog loader needs it too.
