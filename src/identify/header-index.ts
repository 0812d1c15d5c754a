/**
 * The header prefilter's count (header.ts): how many of a standard header's required words (with their
 * repeats) the input holds. Counted for all headers at once through an inverted index, word hash ->
 * (header, times required), built once per template store, instead of every header's words looked up
 * for every short input; the same counts as requiredHeld, which counts one header directly.
 */
import { headerProgramOf, type Program, type TemplateStore } from './template-vm.js';
import { weakMemo } from '../weak-memo.js';

export interface HeaderIndex {
  /** Required words of each header (store.headers order), repeats counted. */
  required: Int32Array;
  /** For each header, how many of its required words (repeats counted) are in `have`. */
  hitsOf(have: ReadonlySet<number>): Int32Array;
}

export const headerIndex: (store: TemplateStore) => HeaderIndex = weakMemo(buildIndex);

function buildIndex(store: TemplateStore): HeaderIndex {
  const required = new Int32Array(store.headers.length);
  // hash -> flat [header, times, header, times, ...]
  const postings = new Map<number, number[]>();
  store.headers.forEach((h, hi) => {
    const p = headerProgramOf(store, h);
    const times = new Map<number, number>();
    for (let pc = 0; pc < p.op.length; pc++) {
      if (!p.req[pc]) continue;
      required[hi]++;
      times.set(p.a[pc]!, (times.get(p.a[pc]!) ?? 0) + 1);
    }
    for (const [w, k] of times) {
      const list = postings.get(w);
      if (list) list.push(hi, k); else postings.set(w, [hi, k]);
    }
  });
  const hitsOf = (have: ReadonlySet<number>): Int32Array => {
    const hits = new Int32Array(required.length);
    for (const w of have) {
      const list = postings.get(w);
      if (list) for (let q = 0; q < list.length; q += 2) hits[list[q]!] += list[q + 1]!;
    }
    return hits;
  };
  return { required, hitsOf };
}

/** One header's required words (repeats counted) and how many of them are in `have`. */
export function requiredHeld(p: Program, have: ReadonlySet<number>): { req: number; hit: number } {
  let req = 0;
  let hit = 0;
  for (let pc = 0; pc < p.op.length; pc++) if (p.req[pc]) { req++; if (have.has(p.a[pc]!)) hit++; }
  return { req, hit };
}
