/**
 * The rules' keyword automaton (keywords.ts), compiled by the build into dist/data/keywords.bin (the
 * dense ASCII table and the failure links) with keywords.json (the keyword list it was built from, the
 * non-ASCII edges and the outputs), so a run does not rebuild it. Used only when the stored keyword
 * list is exactly the run's (the automaton is a function of it) and the bytes hash to the stored
 * sha256; otherwise, or with OML_NO_COMPILED=1, the run builds it: the same automaton either way.
 */
import { writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { compiledPath, readStoredPair, sha256Hex } from '../compiled/index.js';
import { stampedSha256 } from '../compiled/stamp.js';
import type { KeywordAutomaton } from './keywords.js';

const ASCII = 128;

interface StoredKeywordsMeta {
  keywords: string[];
  endianness: string;
  size: number;
  /** sha256 of keywords.bin. */
  bin: string;
  /** Non-ASCII trie edges: [state, code, target]. */
  wide: Array<[number, number, number]>;
  /** Outputs: [state, keyword indices]. */
  out: Array<[number, number[]]>;
}


/** Where the build writes the automaton: the description (JSON) and the bytes beside it. */
export const storedKeywordsPaths = (meta = compiledPath('keywords')) => ({ meta, bin: meta.replace(/\.json$/, '.bin') });

/** Writes the automaton built from `keywords` (the build, src/build/data.ts). */
export function writeStoredKeywords(keywords: readonly string[], a: KeywordAutomaton, p = storedKeywordsPaths()): void {
  const buf = Buffer.concat([
    Buffer.from(a.ascii.buffer, a.ascii.byteOffset, a.ascii.byteLength),
    Buffer.from(a.fail.buffer, a.fail.byteOffset, a.fail.byteLength),
  ]);
  const wide: StoredKeywordsMeta['wide'] = [];
  a.wide.forEach((m, s) => { for (const [c, t] of m ?? []) wide.push([s, c, t]); });
  const out: StoredKeywordsMeta['out'] = [];
  a.out.forEach((o, s) => { if (o) out.push([s, o]); });
  const meta: StoredKeywordsMeta = { keywords: [...keywords], endianness: endianness(), size: a.size, bin: sha256Hex(buf), wide, out };
  writeFileSync(p.bin, buf);
  writeFileSync(p.meta, JSON.stringify(meta));
}

const sameList = (a: unknown, b: readonly string[]) => Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);

const validEdges = (xs: unknown, size: number): xs is StoredKeywordsMeta['wide'] => Array.isArray(xs)
  && xs.every((e) => Array.isArray(e) && e.length === 3 && e.every((n) => Number.isInteger(n)) && e[0] < size && e[2] < size && e[0] >= 0 && e[2] > 0);

const validOut = (xs: unknown, size: number, n: number): xs is StoredKeywordsMeta['out'] => Array.isArray(xs)
  && xs.every((e) => Array.isArray(e) && e.length === 2 && Number.isInteger(e[0]) && e[0] >= 0 && e[0] < size
    && Array.isArray(e[1]) && (e[1] as unknown[]).every((k) => Number.isInteger(k) && (k as number) >= 0 && (k as number) < n));

/** The stored automaton when built from exactly `keywords`; null when missing, stale, damaged or disabled. */
export function readStoredKeywords(keywords: readonly string[], p = storedKeywordsPaths()): KeywordAutomaton | null {
  const stored = readStoredPair<StoredKeywordsMeta>(p);
  if (!stored) return null;
  const { meta, bin } = stored;
  const { size } = meta;
  if (!sameList(meta.keywords, keywords) || meta.endianness !== endianness() || !Number.isInteger(size) || size! < 1) return null;
  if (bin.length !== 4 * (size! * ASCII + size!) || meta.bin !== stampedSha256(p.bin, bin)) return null;
  if (!validEdges(meta.wide, size!) || !validOut(meta.out, size!, keywords.length)) return null;
  // own copies: typed-array views need aligned offsets, and the automaton outlives the read buffer's pool
  const ascii = new Int32Array(size! * ASCII);
  const fail = new Int32Array(size!);
  new Uint8Array(ascii.buffer).set(bin.subarray(0, ascii.byteLength));
  new Uint8Array(fail.buffer).set(bin.subarray(ascii.byteLength));
  const wide: KeywordAutomaton['wide'] = new Array<Map<number, number> | undefined>(size!).fill(undefined);
  for (const [s, c, t] of meta.wide) (wide[s] ??= new Map()).set(c, t);
  const out: KeywordAutomaton['out'] = new Array<number[] | undefined>(size!).fill(undefined);
  for (const [s, o] of meta.out) out[s] = o;
  return { size: size!, ascii, fail, wide, out };
}
