/**
 * SPDX templates as token programs (compiled from the SPDX license-list XML by
 * scripts/gen-spdx-templates.mjs into licenses/spdx/templates.{json,bin}) and a
 * Pike-VM matcher: the input's word hashes either follow the template, with
 * optional parts present or absent, alternatives and bounded wildcards, or not.
 * Linear in the input times the number of live threads (deduplicated per
 * program position), with a hard cap on work. One accepting path is recovered
 * to tell which input words the wildcards took.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { readUint32LE } from '../binary.js';

/** Opcodes of the stored stream (see scripts/gen-spdx-templates.mjs). */
const S = { ESC: 0, OPT_BEGIN: 1, OPT_END: 2, ALT_BEGIN: 3, ALT_SEP: 4, ALT_END: 5, WILD: 6, LINE_OPT: 7 } as const;
const OP_LIMIT = 8;

const WORD = 0, SPLIT = 1, JMP = 2, ANY = 3, MATCH = 4;
/** The opcode of a program word (for callers reading a program's words). */
export const WORD_OP = WORD;
/** SPLIT whose second arm (skip the next word) is open only where the input starts a line. */
const LSPLIT = 5;

export interface TemplateIndexEntry { id: string; name: string; deprecated: boolean; offset: number; count: number }

export interface Program {
  op: Uint8Array;
  a: Uint32Array;
  b: Int32Array;
  /** For ANY: the alt's own words (index into `groups`). */
  group: Int32Array;
  /** 1 for a WORD outside every optional part. */
  req: Uint8Array;
  groups: Array<Set<number>>;
}

export interface EndOfTerms { endPhrases: number[][]; startPhrases: number[][] }

export interface TemplateStore {
  byId: Map<string, TemplateIndexEntry>;
  /** Standard license headers (SPDX <standardLicenseHeader>), by license id. */
  headers: TemplateIndexEntry[];
  endOfTerms: EndOfTerms;
  stream: Uint32Array;
  programs: Map<string, Program | null>;
}

/** Work cap: live threads summed over all steps. */
const MAX_WORK = 3_000_000;

let store: TemplateStore | null | undefined;

/** The compiled templates of a catalog directory (null when the files are absent). */
export function loadTemplateStore(dir: string): TemplateStore | null {
  const json = path.join(dir, 'spdx', 'templates.json');
  const bin = path.join(dir, 'spdx', 'templates.bin');
  if (!existsSync(json) || !existsSync(bin)) return null;
  const index = JSON.parse(readFileSync(json, 'utf8')) as { licenses: TemplateIndexEntry[]; headers?: TemplateIndexEntry[]; endOfTerms?: EndOfTerms };
  const headers = index.headers ?? [];
  const stream = readUint32LE(readFileSync(bin));
  const byId = new Map(index.licenses.map((l) => [l.id, l]));
  for (const l of [...index.licenses, ...headers]) {
    if (l.offset + l.count > stream.length) throw new Error(`${bin}: template ${l.id} runs past the end of the file`);
  }
  const endOfTerms = index.endOfTerms ?? { endPhrases: [], startPhrases: [] };
  return { byId, headers, endOfTerms, stream, programs: new Map() };
}

export function getTemplateStore(dir: string): TemplateStore | null {
  if (store === undefined) store = loadTemplateStore(dir);
  return store;
}

export function resetTemplateStore(): void {
  store = undefined;
}

/** The program of an SPDX id (compiled once), or null when it has no template. */
export function programOf(s: TemplateStore, id: string): Program | null {
  if (s.programs.has(id)) return s.programs.get(id)!;
  const e = s.byId.get(id);
  const p = e ? compile(s.stream.subarray(e.offset, e.offset + e.count)) : null;
  s.programs.set(id, p);
  return p;
}

/** The program of a license's standard header (compiled once). */
export function headerProgramOf(s: TemplateStore, h: TemplateIndexEntry): Program {
  const key = `header:${h.id}`;
  const have = s.programs.get(key);
  if (have) return have;
  const p = compile(s.stream.subarray(h.offset, h.offset + h.count));
  s.programs.set(key, p);
  return p;
}

/** Program positions of the first `k` required words (a match may begin at any of them: a reworded opening). */
export function leadingWordPcs(p: Program, k: number): number[] {
  const out: number[] = [];
  for (let pc = 0; pc < p.op.length && out.length < k; pc++) if (p.op[pc] === WORD && p.req[pc]) out.push(pc);
  return out;
}

function compile(stream: Uint32Array): Program {
  const op: number[] = [];
  const a: number[] = [];
  const b: number[] = [];
  const group: number[] = [];
  const groups: Array<Set<number>> = [];
  const req: number[] = [];
  let depth = 0;
  const emit = (o: number, x = 0, y = 0, g = -1): number => {
    op.push(o); a.push(x); b.push(y); group.push(g); req.push(o === WORD && depth === 0 ? 1 : 0);
    return op.length - 1;
  };
  let i = 0;
  const seq = (stops: number[]): number => {
    while (i < stream.length) {
      const v = stream[i]!;
      if (v < OP_LIMIT && stops.includes(v)) return v;
      i++;
      if (v >= OP_LIMIT) { emit(WORD, v); continue; }
      if (v === S.ESC) { emit(WORD, stream[i++]!); continue; }
      if (v === S.LINE_OPT) {
        const sp = emit(LSPLIT);
        a[sp] = op.length;
        depth++;
        emit(WORD, stream[i++]!);
        depth--;
        b[sp] = op.length;
        continue;
      }
      if (v === S.OPT_BEGIN) {
        const sp = emit(SPLIT);
        a[sp] = op.length;
        depth++;
        seq([S.OPT_END]);
        depth--;
        i++;
        b[sp] = op.length;
        continue;
      }
      if (v === S.ALT_BEGIN) {
        const jumps: number[] = [];
        let sp = -1;
        for (;;) {
          sp = emit(SPLIT);
          a[sp] = op.length;
          const stop = seq([S.ALT_SEP, S.ALT_END]);
          i++;
          jumps.push(emit(JMP));
          b[sp] = op.length;
          if (stop === S.ALT_END) break;
        }
        for (const j of jumps) a[j] = op.length;
        // the last branch is not optional: its SPLIT takes that branch either way
        b[sp] = a[sp]!;
        continue;
      }
      if (v === S.WILD) {
        const n = stream[i++]!;
        const k0 = stream[i++]!;
        groups.push(new Set(stream.subarray(i, i + k0)));
        i += k0;
        const g = groups.length - 1;
        const splits: number[] = [];
        // lazy: leaving the wildcard is tried before taking one more word
        for (let k = 0; k < n; k++) { const sp = emit(SPLIT); b[sp] = op.length; splits.push(sp); emit(ANY, 0, 0, g); }
        for (const sp of splits) a[sp] = op.length;
        continue;
      }
      throw new Error(`bad template opcode ${v}`);
    }
    return -1;
  };
  seq([]);
  emit(MATCH);
  return { op: Uint8Array.from(op), a: Uint32Array.from(a), b: Int32Array.from(b), group: Int32Array.from(group), req: Uint8Array.from(req), groups };
}

export interface VmMatch {
  /** Input position where the template ended (== input length for a full match). */
  end: number;
  /** Position where the template started (0 or the body start). */
  start: number;
  /** Program position the accepted path began at (0 unless `startPcs` offered others). */
  startPc: number;
  /** Input words matched by required (non-optional) template words: how much of the input the template insists on. */
  required: number;
  /** Input word indexes taken by wildcards, ascending, that are not among the replaced text's own words. */
  wild: number[];
}

/**
 * Run a program over word hashes `w`, starting at any of `starts`. Returns the
 * longest match (ending furthest in the input), or null when the template
 * never completes (or the work cap is hit).
 */
export function runProgram(p: Program, w: Uint32Array, starts: number[], lineStart?: Uint8Array,
  trace?: { furthest: number; pcs: number[] } | null, startPcs: number[] = [0]): VmMatch | null {
  const n = w.length;
  const mark = new Int32Array(p.op.length).fill(-1);
  let cpc: number[] = [];
  let crec: number[] = [];
  const recParent: number[] = [];
  const recTok: number[] = [];
  const recAny: number[] = [];
  const recStart: number[] = [];
  const recPc: number[] = [];
  const stack: number[] = [];
  let best: VmMatch | null = null;
  let bestRec = -2;
  let work = 0;
  const add = (pcs: number[], recs: number[], pc0: number, rec: number, gen: number): void => {
    stack.push(pc0);
    while (stack.length) {
      const pc = stack.pop()!;
      if (mark[pc] === gen) continue;
      mark[pc] = gen;
      const o = p.op[pc];
      if (o === SPLIT) { stack.push(p.b[pc]!, p.a[pc]!); continue; }
      // `gen` is the input position about to be read: skipping is open at a line start or the end
      if (o === LSPLIT) { if (gen >= n || lineStart?.[gen]) stack.push(p.b[pc]!); stack.push(p.a[pc]!); continue; }
      if (o === JMP) { stack.push(p.a[pc]!); continue; }
      pcs.push(pc); recs.push(rec);
    }
  };
  const startRec = (at: number, spc: number): number => { recParent.push(-1); recTok.push(-1); recAny.push(0); recStart.push(at); recPc.push(-1 - spc); return recParent.length - 1; };
  for (let i = 0; i <= n; i++) {
    if (starts.includes(i)) for (const spc of startPcs) add(cpc, crec, spc, startRec(i, spc), i);
    if (cpc.length === 0) {
      if (starts.some((s) => s > i)) continue;
      break;
    }
    const npc: number[] = [];
    const nrec: number[] = [];
    for (let t = 0; t < cpc.length; t++) {
      const pc = cpc[t]!;
      const o = p.op[pc];
      if (o === MATCH) {
        if (!best || i > best.end) { best = { end: i, start: 0, startPc: 0, required: 0, wild: [] }; bestRec = crec[t]!; }
        continue;
      }
      if (i === n) continue;
      if ((o === WORD && p.a[pc] === w[i]) || o === ANY) {
        recParent.push(crec[t]!); recTok.push(i); recAny.push(o === ANY ? p.group[pc]! + 1 : 0); recStart.push(-1); recPc.push(pc);
        add(npc, nrec, pc + 1, recParent.length - 1, i + 1);
      }
    }
    work += cpc.length;
    if (work > MAX_WORK) return null;
    if (trace && npc.length) { trace.furthest = i + 1; trace.pcs = npc.slice(0, 8); }
    cpc = npc;
    crec = nrec;
  }
  if (!best) return null;
  const wild: number[] = [];
  let required = 0;
  let r = bestRec;
  while (r >= 0 && recParent[r] !== -1) {
    if (recPc[r]! >= 0 && p.req[recPc[r]!]) required++;
    const g = recAny[r]! - 1;
    if (g >= 0 && !p.groups[g]!.has(w[recTok[r]!]!)) wild.push(recTok[r]!);
    r = recParent[r]!;
  }
  best.start = r >= 0 ? recStart[r]! : 0;
  best.startPc = r >= 0 ? -1 - recPc[r]! : 0;
  best.wild = wild.reverse();
  best.required = required;
  return best;
}
