/**
 * A standard license header: the short notice a source file (or a README's
 * license section) carries to say which license applies ("Licensed under the
 * Apache License, Version 2.0 ...", GPL's "This program is free software ...").
 * SPDX publishes one per license (<standardLicenseHeader>), compiled with the
 * templates (licenses/spdx/templates.json `headers`). A text that follows one of
 * them to its end is that license's header. The opening may be reworded or
 * preceded by a short preamble (the ASF's "Licensed to the Apache Software
 * Foundation ... The ASF licenses this file to you under ..."), within bounds:
 * at most LEADING_SKIP of the header's first required words missing and at most
 * MAX_PREAMBLE words before it, and the preamble passes the veto rules (no
 * restriction, number or other license's name), so nothing is waved through.
 */
import type { Tokens } from './normalize.js';
import { getTemplateStore, headerProgramOf, leadingWordPcs, runProgram, WORD_OP, type TemplateIndexEntry } from './template-vm.js';
import { headerIndex, requiredHeld } from './header-index.js';
import { vetoAdditions } from './veto.js';
import type { Passage } from '../types.js';

/** Longest input read as a header (SPDX's longest header is about 200 words). */
const MAX_WORDS = 400;
/** Words before the header that may be a preamble. */
const MAX_PREAMBLE = 60;
/** Leading required header words that may be reworded away. */
const LEADING_SKIP = 3;
/** Share of a header's required words the input must hold before the matcher runs. */
const PREFILTER = 0.7;
/** A header must match at least this many of its required words. */
const MIN_REQUIRED = 12;

export interface HeaderMatch {
  id: string;
  name: string;
  /** Input words before the header (a preamble), as a passage of the input; null when none. */
  preamble: Passage | null;
  /** Header words at its start that the input words differently. */
  skipped: number;
}

/** The header the text is (of `only` when given: does that license's header accept it?), or null. */
export function matchHeader(dir: string, text: string, tokens: Tokens, hashes: Uint32Array, only?: string): HeaderMatch | null {
  const n = hashes.length;
  if (n === 0 || n > MAX_WORDS) return null;
  const store = getTemplateStore(dir);
  if (!store || store.headers.length === 0) return null;
  const have = new Set(hashes);
  const lineStart = new Uint8Array(n);
  tokens.lines.forEach((l, i) => { if (i === 0 || tokens.lines[i - 1] !== l) lineStart[i] = 1; });
  const found: Array<{ h: TemplateIndexEntry; m: HeaderMatch; required: number }> = [];
  // required words of every header held by the input, counted through the inverted index (one header: directly)
  const idx = only === undefined ? headerIndex(store) : null;
  const hits = idx ? idx.hitsOf(have) : null;
  for (let hi = 0; hi < store.headers.length; hi++) {
    const h = store.headers[hi]!;
    if (only !== undefined && h.id !== only) continue;
    if (idx && hits && !prefilterPasses(idx.required[hi]!, hits[hi]!)) continue;
    const p = headerProgramOf(store, h);
    if (!(idx && hits)) {
      const { req, hit } = requiredHeld(p, have);
      if (!prefilterPasses(req, hit)) continue;
    }
    const pcs = [0, ...leadingWordPcs(p, LEADING_SKIP + 1).slice(1)];
    // a header starts at the input's start or, after a preamble, at a word of its opening
    const lead = new Set<number>();
    for (let pc = 0; pc <= pcs[pcs.length - 1]!; pc++) if (p.op[pc] === WORD_OP) lead.add(p.a[pc]!);
    const starts = [0];
    for (let i = 1; i <= Math.min(n - 1, MAX_PREAMBLE); i++) if (lead.has(hashes[i]!)) starts.push(i);
    const vm = runProgram(p, hashes, starts, lineStart, null, pcs);
    if (!vm || vm.end !== n || vm.required < MIN_REQUIRED) continue;
    const skipped = Math.max(0, pcs.indexOf(vm.startPc));
    const preamble = vm.start > 0
      ? { text: text.slice(tokens.starts[0], tokens.ends[vm.start - 1]), line: tokens.lines[0] ?? 1, endLine: tokens.lines[vm.start - 1] ?? 1, words: vm.start }
      : null;
    // a reworded opening needs a preamble that restates it, and neither may add terms
    if (skipped > 0 && !preamble) continue;
    if (preamble && preambleVetoed(preamble.text, h.name)) continue;
    if (wildVetoed(text, tokens, vm.wild, h.name)) continue;
    found.push({ h, m: { id: h.id, name: h.name, preamble, skipped }, required: vm.required });
  }
  if (found.length === 0) return null;
  // a current id over a deprecated one, then the header holding most of the input, then the shortest id
  found.sort((a, b) => Number(a.h.deprecated) - Number(b.h.deprecated) || b.required - a.required || a.h.id.length - b.h.id.length);
  return found[0]!.m;
}

/** Enough of a header's required words in the input for the matcher to run. */
function prefilterPasses(req: number, hit: number): boolean {
  return req >= MIN_REQUIRED && hit >= req * PREFILTER;
}

/** The veto rules, except that the header's own license name (the words of it) is no other license's name. */
function preambleVetoed(passage: string, ownName: string): boolean {
  const own = new Set(ownName.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean));
  const words = passage.split(/\s+/).filter((w) => !own.has(w.toLowerCase().replace(/[^a-z0-9]/g, '')));
  return vetoAdditions([{ text: words.join(' ') }]).vetoed;
}

function wildVetoed(text: string, tokens: Tokens, wild: number[], ownName: string): boolean {
  if (wild.length === 0) return false;
  return preambleVetoed(wild.map((i) => text.slice(tokens.starts[i], tokens.ends[i])).join(' '), ownName);
}
