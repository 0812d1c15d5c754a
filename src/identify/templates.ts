/**
 * The matcher's view of the catalog: one template per stored fingerprint (AI
 * catalog entries first, then SPDX licenses), an exact-hash map and a sampled
 * inverted index of shingles for fast candidate ranking. Built lazily once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sortedUnique } from './fingerprint.js';
import type { LoadedCatalog } from '../catalog/load.js';
import { getLoadedCatalog } from '../catalog/index.js';
import { shinglesOf } from '../catalog/compiled-catalog.js';
import type { CatalogEntry } from '../catalog/schema.js';
import type { Family } from '../types.js';
import { readStoredIndex } from './index-store.js';

/** A shingle is sampled into the inverted index when (hash & SAMPLE_MASK) === 0. */
export const SAMPLE_MASK = 7;

export interface Template {
  /** Catalog entry for AI licenses; null for SPDX licenses. */
  entry: CatalogEntry | null;
  /** Catalog id or SPDX id. */
  id: string;
  spdx: string;
  name: string;
  family: Family;
  version: string | null;
  hash: string;
  words: number;
  seq: Uint32Array;
  /** Number of distinct sampled shingles. */
  sampled: number;
  sorted?: Uint32Array;
}

export interface Matcher {
  catalog: LoadedCatalog;
  templates: Template[];
  byHash: Map<string, number>;
  /** Every template with a given text hash. */
  byHashAll: Map<string, number[]>;
  byId: Map<string, Template>;
  /** Sampled inverted index: shingle -> templates containing it. */
  index: ShingleIndex;
  /** Templates with fewer than 64 shingles (scanned fully for short inputs). */
  short: number[];
}

/**
 * Sampled inverted index as an open-addressing hash table over typed arrays: slot -> shingle key, and the
 * slot's postings (template numbers in ascending order) as one contiguous run, ti[start[s]] ..
 * ti[start[s + 1] - 1]; a slot with no postings is empty. The ranking walks a few hundred slots per text,
 * each one run in memory. Built in one pass over the shingles (as linked lists), then laid out; no sorting.
 */
export interface ShingleIndex {
  bits: number;
  keys: Uint32Array;
  /** 2^bits + 1 offsets into ti: slot s holds ti[start[s]] .. ti[start[s + 1] - 1]. */
  start: Int32Array;
  ti: Uint16Array;
}

export const slotOf = (h: number, bits: number): number => Math.imul(h, 0x9e3779b1) >>> (32 - bits);

let cached: Matcher | null = null;

export function getMatcher(): Matcher {
  if (!cached) cached = buildMatcher(getLoadedCatalog());
  return cached;
}

/** For tests: drop the cached matcher. */
export function resetMatcher(): void {
  cached = null;
}

export function buildMatcher(catalog: LoadedCatalog): Matcher {
  const templates: Template[] = [];
  for (const entry of catalog.entries) {
    for (const fp of entry.fingerprint) {
      templates.push(mk(entry, entry.id, entry.spdx, entry.name, entry.family, entry.version, fp.hash, fp.words, shinglesOf(fp)));
    }
  }
  const families = spdxFamilies(catalog.dir);
  for (const l of catalog.spdx.licenses) {
    const seq = catalog.spdxShingles.subarray(l.offset, l.offset + l.count);
    templates.push(mk(null, l.id, l.id, l.name, familyOf(l.id, families), versionOf(l.id), l.hash, l.words, seq));
  }
  const byHash = new Map<string, number>();
  const byHashAll = new Map<string, number[]>();
  const byId = new Map<string, Template>();
  const short: number[] = [];
  templates.forEach((t, ti) => {
    if (!byHash.has(t.hash)) byHash.set(t.hash, ti);
    const all = byHashAll.get(t.hash);
    if (all) all.push(ti); else byHashAll.set(t.hash, [ti]);
    if (!byId.has(t.id)) byId.set(t.id, t);
    if (t.seq.length < 64) short.push(ti);
  });
  // the build's compiled index when made from exactly these templates (index-store.ts), else built here
  const index = readStoredIndex(templates) ?? buildIndex(templates);
  return { catalog, templates, byHash, byHashAll, byId, index, short };
}

/** The sampled index of all templates; sets each template's `sampled` (distinct sampled shingles). */
export function buildIndex(templates: Template[]): ShingleIndex {
  if (templates.length > 0xffff) throw new Error('too many templates for 16-bit postings');
  let occurrences = 0;
  for (const t of templates) for (let i = 0; i < t.seq.length; i++) if ((t.seq[i]! & SAMPLE_MASK) === 0) occurrences++;
  let bits = 4;
  while (1 << bits < occurrences * 2) bits++;
  const size = 1 << bits;
  const mask = size - 1;
  const keys = new Uint32Array(size);
  const head = new Int32Array(size).fill(-1);
  const tail = new Int32Array(size);
  const lastTi = new Int32Array(size).fill(-1);
  const next = new Int32Array(occurrences);
  const tis = new Uint16Array(occurrences);
  let n = 0;
  templates.forEach((t, ti) => {
    let distinct = 0;
    const seq = t.seq;
    for (let i = 0; i < seq.length; i++) {
      const h = seq[i]!;
      if ((h & SAMPLE_MASK) !== 0) continue;
      let s = slotOf(h, bits);
      while (head[s] !== -1 && keys[s] !== h) s = (s + 1) & mask;
      if (lastTi[s] === ti) continue; // already listed for this template
      lastTi[s] = ti;
      distinct++;
      tis[n] = ti;
      next[n] = -1;
      if (head[s] === -1) { keys[s] = h; head[s] = n; } else next[tail[s]!] = n;
      tail[s] = n;
      n++;
    }
    t.sampled = distinct;
  });
  // each slot's list laid out as one run, in list order (ascending template numbers)
  const start = new Int32Array(size + 1);
  const laid = new Uint16Array(n);
  let at = 0;
  for (let s = 0; s < size; s++) {
    start[s] = at;
    for (let p = head[s]!; p !== -1; p = next[p]!) laid[at++] = tis[p]!;
  }
  start[size] = at;
  return { bits, keys, start, ti: laid };
}

function mk(entry: CatalogEntry | null, id: string, spdx: string, name: string, family: Family, version: string | null,
  hash: string, words: number, seq: Uint32Array): Template {
  return { entry, id, spdx, name, family, version, hash, words, seq, sampled: 0 };
}

/** Sorted distinct shingles (cached). */
export function templateSorted(t: Template): Uint32Array {
  if (!t.sorted) t.sorted = sortedUnique(t.seq);
  return t.sorted;
}

function spdxFamilies(dir: string): Array<[string, Family]> {
  try {
    const doc = JSON.parse(readFileSync(path.join(dir, 'spdx', 'families.json'), 'utf8')) as { prefixes: Array<[string, Family]> };
    return doc.prefixes;
  } catch {
    return [];
  }
}

function familyOf(id: string, prefixes: Array<[string, Family]>): Family {
  for (const [p, f] of prefixes) if (id.startsWith(p)) return f;
  return 'other';
}

/** Version embedded in an SPDX id ("Apache-2.0" -> "2.0", "GPL-3.0-only" -> "3.0"). */
export function versionOf(id: string): string | null {
  const m = /-(\d+(?:\.\d+)*)(?:-|$)/.exec(id);
  return m ? m[1] : null;
}
