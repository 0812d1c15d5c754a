/**
 * The SPDX Matching Guidelines step: does the input follow one of the candidate
 * licenses' SPDX templates (optional parts, alternatives, variable holder names),
 * ignoring text after the end of the terms? A wildcard that took words which
 * look like a restriction, a version or another license's name does not count.
 */
import type { Tokens } from './normalize.js';
import { getTemplateStore, programOf, runProgram, type EndOfTerms, type TemplateStore, type VmMatch } from './template-vm.js';
import { vetoAdditions } from './veto.js';

/** Words of the match's tail searched for an end-of-terms phrase. */
const END_WINDOW = 12;

export interface SpdxTemplateMatch {
  id: string;
  deprecated: boolean;
  vm: VmMatch;
  /** Input words after the end of the terms that were ignored. */
  ignoredAfter: number;
}

/**
 * Templates (SPDX ids, tried in the given order) the input follows. Returns
 * every accepted id; the caller picks one.
 */
export function spdxTemplateMatches(dir: string, text: string, tokens: Tokens, hashes: Uint32Array, ids: string[]): SpdxTemplateMatch[] {
  const store = getTemplateStore(dir);
  if (!store) return [];
  const out: SpdxTemplateMatch[] = [];
  const starts = tokens.bodyStart > 0 ? [0, tokens.bodyStart] : [0];
  // words that start a line: where a template number may be missing (the tokenizer took it for a list marker)
  const lineStart = new Uint8Array(tokens.words.length);
  tokens.lines.forEach((l, i) => { if (i === 0 || tokens.lines[i - 1] !== l) lineStart[i] = 1; });
  for (const id of ids) {
    const m = matchOne(store, id, text, tokens, hashes, starts, lineStart);
    if (m) out.push(m);
  }
  return out;
}

function matchOne(store: TemplateStore, id: string, text: string, tokens: Tokens, hashes: Uint32Array, starts: number[],
  lineStart: Uint8Array): SpdxTemplateMatch | null {
  const p = programOf(store, id);
  if (!p) return null;
  const vm = runProgram(p, hashes, starts, lineStart);
  if (!vm) return null;
  const n = hashes.length;
  if (vm.end < n && !endsTerms(store.endOfTerms, hashes, vm.end)) return null;
  if (wildcardVetoed(text, tokens, vm.wild)) return null;
  return { id, deprecated: store.byId.get(id)?.deprecated ?? false, vm, ignoredAfter: n - vm.end };
}

/** The match ends with an end-of-terms phrase, or what follows it starts with one or with an appendix. */
function endsTerms(eot: EndOfTerms, w: Uint32Array, end: number): boolean {
  for (const ph of eot.endPhrases) {
    // the end-of-terms statement closes the match, or opens the text after it
    if (phraseAt(w, end, ph)) return true;
    for (let s = Math.max(0, end - END_WINDOW); s + ph.length <= end; s++) if (phraseAt(w, s, ph)) return true;
  }
  return eot.startPhrases.some((ph) => phraseAt(w, end, ph));
}

function phraseAt(w: Uint32Array, at: number, ph: number[]): boolean {
  if (at + ph.length > w.length) return false;
  for (let k = 0; k < ph.length; k++) if (w[at + k] !== ph[k]) return false;
  return true;
}

/** The words wildcards took, as passages of the input, through the veto rules. */
function wildcardVetoed(text: string, tokens: Tokens, wild: number[]): boolean {
  if (wild.length === 0) return false;
  const passages: Array<{ text: string }> = [];
  let a = wild[0]!;
  let b = a;
  const flush = () => passages.push({ text: text.slice(tokens.starts[a], tokens.ends[b]) });
  for (let k = 1; k < wild.length; k++) {
    const x = wild[k]!;
    if (x === b + 1) { b = x; continue; }
    flush();
    a = b = x;
  }
  flush();
  return vetoAdditions(passages).vetoed;
}
