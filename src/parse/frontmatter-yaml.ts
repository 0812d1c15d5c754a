/**
 * The YAML reading of a front-matter block, bounded in time and memory:
 * - `yaml` (YAML 1.2) with its own duplicate-key check off (it compares every
 *   key with every other: 25,000 keys took 9.5 s); duplicates are found here
 *   with one Set per mapping, in one pass;
 * - mapping entries counted in the same pass, over `MAX_FRONT_MATTER_KEYS` is
 *   YAML_LIMIT (the byte cap is checked by the caller before parsing);
 * - where `yaml` refuses the text, js-yaml (the YAML reader most npm tools
 *   use; it accepts e.g. a quoted string continued on unindented lines, as
 *   PyYAML does) reads it, and the caller warns: never silently.
 */
import jsYaml from 'js-yaml';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { OmlError } from '../errors.js';

/** Most mapping entries (at any depth) in one front matter. */
export const MAX_FRONT_MATTER_KEYS = 50_000;
/** Largest front matter, in UTF-16 code units of the block (about bytes for ASCII YAML). */
export const MAX_FRONT_MATTER_BYTES = 1024 * 1024;

const AT_LINE = / at line \d+, column \d+:[\s\S]*$/;

export interface YamlRead {
  data: Record<string, unknown>;
  /** 1-based line (within the YAML block) of each top-level key, first occurrence. */
  keyLines: Record<string, number>;
  /** First repeated key: its line within the block. */
  duplicate?: { key: string; line: number };
  /** Set when `yaml` refused the block and js-yaml read it: the refusal, with its line in the block. */
  lenient?: { message: string; line?: number };
}

interface Where { path: string; firstLine: number; maxAliases: number }

const fileLine = (w: Where, blockLine: number | undefined) => (blockLine === undefined ? undefined : blockLine + w.firstLine - 1);

function limitError(w: Where, keys: number): OmlError {
  return new OmlError('YAML_LIMIT', `front matter has more than ${MAX_FRONT_MATTER_KEYS} keys (${keys} or more); refusing to read it`, { file: w.path, line: w.firstLine });
}

function aliasError(w: Where, cause?: unknown): OmlError {
  return new OmlError('YAML_ALIAS', `front matter: alias expansion exceeds the limit of ${w.maxAliases} (maxYamlAliases); possible YAML bomb`, { file: w.path, line: w.firstLine, cause });
}

/** One pass over the parsed tree: entry count (capped) and the first duplicate key of any mapping. */
function scanTree(doc: Document, lc: LineCounter, w: Where): { duplicate?: { key: string; line: number } } {
  let keys = 0;
  let duplicate: { key: string; line: number } | undefined;
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const n = stack.pop();
    if (isMap(n)) {
      keys += n.items.length;
      if (keys > MAX_FRONT_MATTER_KEYS) throw limitError(w, keys);
      const seen = new Set<string>();
      for (const pair of n.items) {
        const k = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (seen.has(k) && !duplicate) {
          const off = (pair.key as YamlNode | null)?.range?.[0];
          duplicate = { key: k, line: off === undefined ? 1 : lc.linePos(off).line };
        }
        seen.add(k);
        stack.push(pair.value);
      }
    } else if (isSeq(n)) {
      for (const item of n.items) stack.push(item);
    }
  }
  return duplicate ? { duplicate } : {};
}

function topKeyLines(doc: Document, lc: LineCounter): Record<string, number> {
  const out: Record<string, number> = {};
  if (!isMap(doc.contents)) return out;
  for (const pair of doc.contents.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const off = (pair.key as YamlNode | null)?.range?.[0];
    if (off !== undefined && !(name in out)) out[name] = lc.linePos(off).line;
  }
  return out;
}

function notMapping(w: Where): OmlError {
  return new OmlError('YAML', 'front matter is not a mapping of keys to values', { file: w.path, line: w.firstLine });
}

/** Reads the YAML block. Throws YAML (both readers refuse it), YAML_ALIAS or YAML_LIMIT, naming the file line. */
export function readYaml(yamlText: string, w: Where): YamlRead {
  const lc = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lc, prettyErrors: true, uniqueKeys: false });
  if (doc.errors.length > 0) return readLenient(yamlText, doc, w);
  const { duplicate } = scanTree(doc, lc, w);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: w.maxAliases });
  } catch (e) {
    if (e instanceof ReferenceError || /alias/i.test(String((e as Error)?.message))) throw aliasError(w, e);
    throw new OmlError('YAML', `front matter: ${(e as Error)?.message ?? String(e)}`, { file: w.path, line: w.firstLine, cause: e });
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data) || (!isMap(doc.contents) && doc.contents !== null)) throw notMapping(w);
  return { data: data as Record<string, unknown>, keyLines: topKeyLines(doc, lc), ...(duplicate ? { duplicate } : {}) };
}

/**
 * js-yaml shares an aliased node instead of copying it, so a bomb costs no
 * memory here. The walk (post-order, each shared node once) counts alias uses
 * (a node met again) against maxYamlAliases, entries against the key cap, and
 * the size the data would have once expanded (the shared nodes copied), which
 * must stay under the key cap too: no later reader of the data can be made to
 * expand it. A node that contains itself is refused.
 */
function checkLenientTree(root: unknown, w: Where): void {
  const size = new Map<object, number>();
  const open = new Set<object>();
  let aliases = 0;
  let keys = 0;
  const children = (n: object): unknown[] => (Array.isArray(n) ? n : Object.values(n as Record<string, unknown>));
  const stack: Array<{ n: object; done: boolean }> = [];
  const visit = (v: unknown) => {
    if (v === null || typeof v !== 'object') return;
    if (open.has(v)) throw aliasError(w);
    if (size.has(v)) { if (++aliases > w.maxAliases) throw aliasError(w); return; }
    stack.push({ n: v, done: false });
  };
  visit(root);
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (!top.done) {
      top.done = true;
      if (size.has(top.n)) { stack.pop(); if (++aliases > w.maxAliases) throw aliasError(w); continue; }
      open.add(top.n);
      const kids = children(top.n);
      if (!Array.isArray(top.n)) { keys += kids.length; if (keys > MAX_FRONT_MATTER_KEYS) throw limitError(w, keys); }
      for (const c of kids) visit(c);
      continue;
    }
    stack.pop();
    open.delete(top.n);
    let total = 1;
    for (const c of children(top.n)) if (c !== null && typeof c === 'object') total += size.get(c) ?? 1;
    if (total > 2 * MAX_FRONT_MATTER_KEYS) throw aliasError(w);
    size.set(top.n, total);
  }
}

/** The key of a top-level mapping line (`key: v`, `"key": v`, `'key':`), or undefined: a plain scan, no regex. */
export function topKeyOf(line: string): string | undefined {
  const c = line[0];
  if (c === undefined || c === ' ' || c === '\t' || c === '#' || c === '-' || c === '?' || c === '[' || c === '{') return undefined;
  if (c === '"' || c === "'") {
    const close = line.indexOf(c, 1);
    return close > 0 && line[close + 1] === ':' ? line.slice(1, close) : undefined;
  }
  for (let i = line.indexOf(':'); i > 0; i = line.indexOf(':', i + 1)) {
    const next = line[i + 1];
    if (next === undefined || next === ' ' || next === '\t') return line.slice(0, i).trim();
  }
  return undefined;
}

/** Top-level key lines by a line scan (js-yaml gives no positions): a key at column 0. */
function scanKeyLines(yamlText: string, data: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  let line = 0;
  for (const l of yamlText.split('\n')) {
    line++;
    const k = topKeyOf(l);
    if (k !== undefined && Object.hasOwn(data, k) && !(k in out)) out[k] = line;
  }
  return out;
}

function readLenient(yamlText: string, strict: Document, w: Where): YamlRead {
  const e = strict.errors[0]!;
  const strictLine = e.linePos?.[0]?.line;
  const strictError = () => new OmlError('YAML', `front matter: ${e.message.replace(AT_LINE, '')}`, { file: w.path, line: fileLine(w, strictLine) });
  let data: unknown;
  let duplicate: YamlRead['duplicate'];
  try {
    data = jsYaml.load(yamlText, { schema: jsYaml.CORE_SCHEMA });
  } catch (first) {
    const mark = (first as { reason?: string; mark?: { line?: number } });
    if (mark.reason !== 'duplicated mapping key') throw strictError();
    duplicate = { key: '', line: (mark.mark?.line ?? 0) + 1 };
    try {
      // json: a repeated key keeps its last value, as with `yaml`
      data = jsYaml.load(yamlText, { json: true, schema: jsYaml.CORE_SCHEMA });
    } catch {
      throw strictError();
    }
  }
  checkLenientTree(data, w);
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) throw notMapping(w);
  const record = data as Record<string, unknown>;
  return {
    data: record,
    keyLines: scanKeyLines(yamlText, record),
    ...(duplicate ? { duplicate } : {}),
    lenient: { message: e.message.replace(AT_LINE, ''), ...(strictLine !== undefined ? { line: strictLine } : {}) },
  };
}
