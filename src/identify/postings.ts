/**
 * The sampled index's postings laid out contiguously per slot (the index itself, built or stored, keeps
 * them as linked lists: templates.ts ShingleIndex). The ranking walks a few hundred lists per text; in
 * linked form every posting is a jump elsewhere in memory, here a slot's postings are one run. Built
 * once per index (one pass over its postings), the same postings in the same order.
 */
import type { ShingleIndex } from './templates.js';
import { weakMemo } from '../weak-memo.js';

export interface Postings {
  /** Slot s holds ti[start[s]] .. ti[start[s + 1] - 1] (ascending template numbers, as the lists). */
  start: Int32Array;
  ti: Uint16Array;
}

export const postingsOf: (index: ShingleIndex) => Postings = weakMemo(layOut);

function layOut(index: ShingleIndex): Postings {
  const size = index.head.length;
  const start = new Int32Array(size + 1);
  const ti = new Uint16Array(index.ti.length);
  let at = 0;
  for (let s = 0; s < size; s++) {
    start[s] = at;
    for (let p = index.head[s]!; p !== -1; p = index.next[p]!) ti[at++] = index.ti[p]!;
  }
  start[size] = at;
  return { start, ti };
}
