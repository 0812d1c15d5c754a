/**
 * Where an input differs from a template, from shingles alone: input words not
 * covered by any template shingle are additions (with their exact input text);
 * template shingle runs skipped by the alignment are removals (located in the
 * input, counted in words: the template text itself is not stored).
 */
import { SHINGLE_K } from './fingerprint.js';
import type { Tokens } from './normalize.js';
import type { Template } from './templates.js';
import { slotIn, templateTable } from './template-table.js';
import type { Passage } from '../types.js';

export interface Diff {
  additions: Passage[];
  removals: Passage[];
  /** Words added outside the title line. */
  addedWords: number;
  /** Words removed inside the body (not counting leading/trailing gaps). */
  removedWords: number;
  /** Template words missing before the first match (title / header region). */
  leadingRemoved: number;
  /** Template words missing after the last match. */
  trailingRemoved: number;
}

/** Runs of uncovered words separated by at most this many covered words are one passage. */
const MERGE_GAP = 8;

/**
 * The first, cheap half of a diff: each input shingle looked up in the template once (its slot in the
 * template's table, -1 when absent) and the input words no shared shingle covers. `addedWords` is the
 * diff's exactly, known before the (dearer) alignment that finds the removals.
 */
export interface Probe {
  t: Template;
  slots: Int32Array;
  covered: Uint8Array;
  addedWords: number;
}

export function probeTemplate(tokens: Tokens, seq: Uint32Array, t: Template): Probe {
  const n = tokens.words.length;
  const k = Math.min(SHINGLE_K, n);
  const table = templateTable(t);
  const slots = new Int32Array(seq.length);
  const covered = new Uint8Array(n);
  let coveredTo = 0; // words before this index are marked
  for (let i = 0; i < seq.length; i++) {
    const s = slotIn(table, seq[i]!);
    slots[i] = s;
    if (s < 0) continue;
    const end = Math.min(n, i + k);
    for (let w = Math.max(i, coveredTo); w < end; w++) covered[w] = 1;
    if (end > coveredTo) coveredTo = end;
  }
  let addedWords = 0;
  for (let w = tokens.bodyStart; w < n; w++) if (!covered[w]) addedWords++;
  return { t, slots, covered, addedWords };
}

export function diffAgainst(text: string, tokens: Tokens, seq: Uint32Array, t: Template): Diff {
  return diffFromProbe(text, tokens, probeTemplate(tokens, seq, t));
}

/** The whole diff from its probe (probeTemplate with the same tokens and shingles). */
export function diffFromProbe(text: string, tokens: Tokens, probe: Probe): Diff {
  const k = Math.min(SHINGLE_K, tokens.words.length);
  const additions = collectAdditions(text, tokens, probe.covered);
  const addedWords = additions.reduce((a, p) => a + p.words, 0);
  const rem = collectRemovals(tokens, probe, k);
  return { additions, addedWords, ...rem };
}

function collectAdditions(text: string, tokens: Tokens, covered: Uint8Array): Passage[] {
  const runs: Array<[number, number, number]> = []; // first, last, uncovered count
  const n = covered.length;
  let i = tokens.bodyStart; // the title line is a variable part
  while (i < n) {
    if (covered[i]) { i++; continue; }
    let j = i;
    while (j + 1 < n && !covered[j + 1]) j++;
    const prev = runs[runs.length - 1];
    if (prev && i - prev[1] - 1 <= MERGE_GAP) {
      prev[1] = j;
      prev[2] += j - i + 1;
    } else {
      runs.push([i, j, j - i + 1]);
    }
    i = j + 1;
  }
  return runs.map(([a, b, w]) => ({
    line: tokens.lines[a],
    endLine: tokens.lines[b],
    text: text.slice(tokens.starts[a], extendPunct(text, tokens.ends[b])),
    words: w,
  }));
}

/** Include closing punctuation right after a passage (". ) \" ;"), at most 3 characters. */
function extendPunct(text: string, end: number): number {
  let e = end;
  while (e < text.length && e < end + 3 && '.,;:!?)]"\u201d\u2019\''.includes(text[e])) e++;
  return e;
}

function collectRemovals(tokens: Tokens, probe: Probe, k: number) {
  const t = probe.t;
  const m = t.seq.length;
  const { inputAt, templateAt } = align(probe);
  const len = inputAt.length;
  const removals: Passage[] = [];
  let removedWords = 0;
  const leadingRemoved = len ? templateAt[0]! : 0;
  for (let c = 1; c < len; c++) {
    const lastI = inputAt[c - 1]!, lastP = templateAt[c - 1]!;
    const i = inputAt[c]!, p = templateAt[c]!;
    if (p <= lastP + 1) continue;
    const del = p - lastP - 1;
    const ins = i - lastI - 1;
    const w = del - Math.min(ins, k - 1);
    if (w > 0) {
      removedWords += w;
      const at = Math.min(i + Math.min(ins, k - 1), tokens.words.length - 1);
      removals.push(gapPassage(tokens, at, w));
    }
  }
  const lastP = len ? templateAt[len - 1]! : -1;
  const trailingRemoved = lastP < 0 ? t.words : Math.max(0, m - 1 - lastP);
  if (trailingRemoved > 0 && lastP >= 0) {
    removals.push(gapPassage(tokens, tokens.words.length - 1, trailingRemoved, 'after the end of the text'));
  }
  if (leadingRemoved > 0) {
    removals.unshift(gapPassage(tokens, Math.max(0, tokens.bodyStart), leadingRemoved, 'before the start of the text'));
  }
  return { removals, removedWords, leadingRemoved, trailingRemoved };
}

/** Positions tried per repeated shingle. */
const MAX_POSITIONS = 8;

/**
 * Longest chain of (input index, template position) pairs increasing in both:
 * the alignment of input and template (patience-style LIS, O(n log n)), over typed arrays.
 */
function align(probe: Probe): { inputAt: Int32Array; templateAt: Int32Array } {
  const table = templateTable(probe.t);
  const { slots } = probe;
  let total = 0;
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i]!;
    if (s >= 0) total += Math.min(table.count[s]!, MAX_POSITIONS);
  }
  const pairI = new Int32Array(total);
  const pairP = new Int32Array(total);
  let x = 0;
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i]!;
    if (s < 0) continue;
    // descending positions for the same i so that at most one is chained
    const from = table.first[s]!;
    for (let j = Math.min(table.count[s]!, MAX_POSITIONS) - 1; j >= 0; j--) {
      pairI[x] = i;
      pairP[x++] = table.positions[from + j]!;
    }
  }
  const tails = new Int32Array(total); // index into the pairs of the smallest tail of each length
  let length = 0;
  const prev = new Int32Array(total).fill(-1);
  for (let y = 0; y < total; y++) {
    const p = pairP[y]!;
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairP[tails[mid]!]! < p) lo = mid + 1; else hi = mid;
    }
    if (lo > 0) prev[y] = tails[lo - 1]!;
    tails[lo] = y;
    if (lo === length) length++;
  }
  const inputAt = new Int32Array(length);
  const templateAt = new Int32Array(length);
  for (let cur = length ? tails[length - 1]! : -1, c = length - 1; cur >= 0; cur = prev[cur]!, c--) {
    inputAt[c] = pairI[cur]!;
    templateAt[c] = pairP[cur]!;
  }
  return { inputAt, templateAt };
}

function gapPassage(tokens: Tokens, at: number, words: number, where?: string): Passage {
  const line = tokens.lines[at] ?? 1;
  const context = tokens.words.slice(at, at + 6).join(' ');
  const place = where ?? `before "${context}"`;
  return { line, endLine: line, text: `${words} template word(s) missing ${place}`, words };
}
