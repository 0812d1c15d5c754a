/**
 * A template's shingles as an open-addressing hash table over typed arrays: shingle -> the ascending
 * positions where the template holds it. The diff (diff.ts) asks it once per input shingle for both
 * "is it in the template" and "where", without a Set, a Map or an array per shingle. Built once per
 * template diffed, cached on the template.
 */
import { slotOf, type Template } from './templates.js';
import { weakMemo } from '../weak-memo.js';

export interface TemplateTable {
  bits: number;
  /** Slot -> shingle (meaningful where count > 0). */
  keys: Uint32Array;
  /** Slot -> number of positions (0: empty slot). */
  count: Int32Array;
  /** Slot -> index of its first position in `positions`. */
  first: Int32Array;
  /** Positions grouped by slot, ascending within a slot. */
  positions: Int32Array;
}

export const templateTable: (t: Template) => TemplateTable = weakMemo((t: Template) => buildTable(t.seq));

function buildTable(seq: Uint32Array): TemplateTable {
  let bits = 4;
  while (1 << bits < seq.length * 2) bits++;
  const size = 1 << bits;
  const mask = size - 1;
  const keys = new Uint32Array(size);
  const count = new Int32Array(size);
  const slots = new Int32Array(seq.length);
  for (let i = 0; i < seq.length; i++) {
    const h = seq[i]!;
    let s = slotOf(h, bits);
    while (count[s] !== 0 && keys[s] !== h) s = (s + 1) & mask;
    keys[s] = h;
    count[s]++;
    slots[i] = s;
  }
  const first = new Int32Array(size);
  for (let s = 0, at = 0; s < size; s++) {
    first[s] = at;
    at += count[s]!;
  }
  const filled = new Int32Array(size);
  const positions = new Int32Array(seq.length);
  for (let i = 0; i < seq.length; i++) {
    const s = slots[i]!;
    positions[first[s]! + filled[s]!++] = i;
  }
  return { bits, keys, count, first, positions };
}

/** The slot holding shingle `h`, or -1 when the template does not hold it. */
export function slotIn(table: TemplateTable, h: number): number {
  const mask = (1 << table.bits) - 1;
  const { keys, count } = table;
  for (let s = slotOf(h, table.bits); count[s] !== 0; s = (s + 1) & mask) {
    if (keys[s] === h) return s;
  }
  return -1;
}
