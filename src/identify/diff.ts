/**
 * Where an input differs from a template, from shingles alone: input words not
 * covered by any template shingle are additions (with their exact input text);
 * template shingle runs skipped by the alignment are removals (located in the
 * input, counted in words: the template text itself is not stored).
 */
import { SHINGLE_K } from './fingerprint.js';
import type { Tokens } from './normalize.js';
import { templatePositions, templateSet, type Template } from './templates.js';
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

export function diffAgainst(text: string, tokens: Tokens, seq: Uint32Array, t: Template): Diff {
  const n = tokens.words.length;
  const k = Math.min(SHINGLE_K, n);
  const set = templateSet(t);
  const covered = new Uint8Array(n);
  for (let i = 0; i < seq.length; i++) {
    if (set.has(seq[i])) covered.fill(1, i, i + k);
  }
  const additions = collectAdditions(text, tokens, covered);
  const addedWords = additions.reduce((a, p) => a + p.words, 0);
  const rem = collectRemovals(tokens, seq, t, k);
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

function collectRemovals(tokens: Tokens, seq: Uint32Array, t: Template, k: number) {
  const m = t.seq.length;
  const chain = align(seq, t);
  const removals: Passage[] = [];
  let removedWords = 0;
  const leadingRemoved = chain.length ? chain[0][1] : 0;
  for (let c = 1; c < chain.length; c++) {
    const [lastI, lastP] = chain[c - 1];
    const [i, p] = chain[c];
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
  const lastP = chain.length ? chain[chain.length - 1][1] : -1;
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
 * the alignment of input and template (patience-style LIS, O(n log n)).
 */
function align(seq: Uint32Array, t: Template): Array<[number, number]> {
  const pos = templatePositions(t);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < seq.length; i++) {
    const list = pos.get(seq[i]);
    if (!list) continue;
    // descending positions for the same i so that at most one is chained
    const n = Math.min(list.length, MAX_POSITIONS);
    for (let j = n - 1; j >= 0; j--) pairs.push([i, list[j]]);
  }
  const tails: number[] = []; // index into pairs of the smallest tail of each length
  const prev = new Int32Array(pairs.length).fill(-1);
  for (let x = 0; x < pairs.length; x++) {
    const p = pairs[x][1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]][1] < p) lo = mid + 1; else hi = mid;
    }
    if (lo > 0) prev[x] = tails[lo - 1];
    tails[lo] = x;
  }
  const out: Array<[number, number]> = [];
  let cur = tails.length ? tails[tails.length - 1] : -1;
  while (cur >= 0) { out.push(pairs[cur]); cur = prev[cur]; }
  return out.reverse();
}

function gapPassage(tokens: Tokens, at: number, words: number, where?: string): Passage {
  const line = tokens.lines[at] ?? 1;
  const context = tokens.words.slice(at, at + 6).join(' ');
  const place = where ?? `before "${context}"`;
  return { line, endLine: line, text: `${words} template word(s) missing ${place}`, words };
}
