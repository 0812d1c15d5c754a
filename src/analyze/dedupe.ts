/**
 * One run, the same text read once: a LICENSE copied into many folders of a monorepo or a vendored tree is
 * analysed the first time and the result reused for every further copy, re-stamped with that copy's path.
 *
 * How the reuse stays exact. The analysis depends on a file's path only through its name (markdown or
 * HTML by extension, the `LicenseRef-oml-unresolved-<name>` reference, the ranking of a folder's license
 * files) and quotes the path in `source`, `path` and messages, and its text is a function of the file's bytes
 * and the run's limits. So the key is the bytes' hash together with their count and the file name (the directory
 * is left out; a copy is not decoded again); the text is analysed once under a stand-in directory that holds a
 * random nonce, and each copy's result is that analysis with the stand-in replaced by the copy's directory in
 * every string. A result the stand-in does not come out of whole (the nonce left anywhere after the replacement),
 * a text the decoder warned about, a directory with characters a message might escape, and an analysis that
 * throws all take the ordinary path instead. With a result cache (result-cache.ts) an entry can also come from
 * an earlier run, under the stand-in it was made with. Bounded: at most MAX_ENTRIES results, the oldest dropped
 * first. Off with OML_NO_FASTPATH=1 (test/analyze/dedupe.test.ts and test/cli/pool.test.ts show the same JSON
 * either way).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Analysis, SourceText } from '../types.js';
import type { ResultCache } from './result-cache.js';

const MAX_ENTRIES = 512;
/** Directories re-stamped into a result: printable characters no message escapes (anything else is analysed as is). */
const PLAIN_DIR = /^[\p{L}\p{N}\p{M} ._\-/+@,~:=()[\]#%]*$/u;
const MAX_DEPTH = 64;

/** Where the file name starts: after the last `/` (and `\` on Windows, where both separate). */
function nameStart(path: string): number {
  const slash = path.lastIndexOf('/');
  return process.platform === 'win32' ? Math.max(slash, path.lastIndexOf('\\')) + 1 : slash + 1;
}

/**
 * Deep copy of a plain JSON-like value with every `from` in its strings (and keys) replaced by `to`, in one
 * walk; NOT_PLAIN when it is not plain, or when `nonce` (part of `from`) is left in a string or key after the
 * replacement (the stand-in was not there whole). A string without the nonce is kept as it is, unsearched.
 */
function restamp(v: unknown, from: string, to: string, nonce: string, depth = 0): unknown {
  if (typeof v === 'string') return stamped(v, from, to, nonce);
  if (v === null || typeof v !== 'object') return typeof v === 'function' || typeof v === 'symbol' ? NOT_PLAIN : v;
  if (depth > MAX_DEPTH) return NOT_PLAIN;
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const x = restamp(v[i], from, to, nonce, depth + 1);
      if (x === NOT_PLAIN) return NOT_PLAIN;
      out[i] = x;
    }
    return out;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype) return NOT_PLAIN;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = restamp((v as Record<string, unknown>)[k], from, to, nonce, depth + 1);
    const key = stamped(k, from, to, nonce);
    if (x === NOT_PLAIN || key === NOT_PLAIN) return NOT_PLAIN;
    out[key] = x;
  }
  return out;
}
const NOT_PLAIN = Symbol('not plain');

/** `s` with every `from` replaced by `to`; NOT_PLAIN when the nonce is still in it after that. */
function stamped(s: string, from: string, to: string, nonce: string): string | typeof NOT_PLAIN {
  if (!s.includes(nonce)) return s;
  const r = s.split(from).join(to);
  return r.includes(nonce) ? NOT_PLAIN : r;
}

interface Entry {
  standIn: string;
  nonce: string;
  base: Analysis;
  /** The compact JSON of base cut at each stand-in, UTF-8 encoded (made for the first copy, compactJson). */
  json?: Buffer[];
}

/** The compact JSON of a copy this memo made, in pieces (compactJson): valid while the copy is unchanged. */
const JSON_OF = new WeakMap<Analysis, Buffer[]>();

/**
 * The compact JSON (`JSON.stringify(a)`) of an analysis, as UTF-8 pieces to write one after another: for a copy
 * the same-text memo made and nobody changed since, its base's JSON with the copy's directory put back in,
 * encoded once per text (the CLI writes 1,000 copies of 100 texts without serialising them again).
 */
export function compactJson(a: Analysis): Buffer[] {
  return JSON_OF.get(a) ?? [Buffer.from(JSON.stringify(a), 'utf8')];
}

export class SameTextMemo {
  private readonly nonce = randomBytes(12).toString('hex');
  /** The stand-in directory: nothing a reader, parser or message would change (letters, digits, `-`, `/`). */
  private readonly standIn = `oml-same-text-${this.nonce}/`;
  private readonly entries = new Map<string, Entry>();
  hits = 0;

  /** `stored`: results kept across runs (result-cache.ts), read before analysing and written after. */
  constructor(private readonly analyze: (src: SourceText) => Analysis, private readonly stored: ResultCache | null = null) {}

  /** The memo key of a file (its bytes' hash and byte count, and its name), or null when it takes the ordinary path. */
  private keyOf(path: string, bytes: Uint8Array): { key: string; dir: string; name: string } | null {
    const at = nameStart(path);
    const dir = path.slice(0, at);
    const name = path.slice(at);
    if (name === '' || !PLAIN_DIR.test(dir) || dir.includes(this.nonce)) return null;
    return { key: `${createHash('sha256').update(bytes).digest('hex')}\0${bytes.length}\0${name}`, dir, name };
  }

  private remember(key: string, entry: Entry): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
  }

  /**
   * The analysis of the file `path` with these bytes when the memo holds it (an earlier copy in this run, or a
   * result stored by an earlier run), re-stamped with this copy's directory; undefined otherwise (nothing is
   * analysed: the caller need not have loaded the pipeline).
   */
  copy(path: string, bytes: Uint8Array): Analysis | undefined {
    const k = this.keyOf(path, bytes);
    return k ? this.copyByKey(k) : undefined;
  }

  private copyByKey(k: { key: string; dir: string }): Analysis | undefined {
    let entry = this.entries.get(k.key);
    if (entry) this.hits++;
    else {
      const kept = this.stored?.get(k.key);
      if (!kept || k.dir.includes(kept.nonce)) return undefined;
      entry = { standIn: kept.standIn, nonce: kept.nonce, base: kept.analysis };
      this.remember(k.key, entry);
    }
    const out = this.copyOf(entry, k.dir);
    if (out === undefined) this.entries.delete(k.key);
    return out;
  }

  /**
   * The analysis of the file `path` whose bytes are `bytes` (decoded by `decode`): a copy (see copy) when the
   * memo holds one, else analysed and kept, without decoding a copy again. The text is a function of the bytes
   * and the run's limits, so the bytes' hash keys it; a text the decoder warned about is never kept.
   */
  runFile(path: string, bytes: Uint8Array, decode: (b: Uint8Array) => SourceText): Analysis {
    const k = this.keyOf(path, bytes);
    if (!k) return this.analyze(decode(bytes));
    const held = this.entries.has(k.key);
    const c = this.copyByKey(k);
    if (c) return c;
    const src = decode(bytes);
    if (held || src.warnings.length) return this.analyze(src); // a copy that could not be re-stamped, or a warned text
    let base: Analysis;
    try {
      base = this.analyze({ ...src, path: `${this.standIn}${k.name}` });
    } catch {
      return this.analyze(src); // the error as the ordinary path words it
    }
    const entry = { standIn: this.standIn, nonce: this.nonce, base };
    this.remember(k.key, entry);
    this.stored?.put(k.key, this.standIn, base);
    const out = this.copyOf(entry, k.dir);
    if (out !== undefined) return out;
    this.entries.delete(k.key);
    return this.analyze(src);
  }

  /** The entry re-stamped with `dir`, its compact JSON kept for compactJson; undefined when it cannot be. */
  private copyOf(entry: Entry, dir: string): Analysis | undefined {
    const out = restamp(entry.base, entry.standIn, dir, entry.nonce);
    if (out === NOT_PLAIN) return undefined;
    // the JSON of the copy: the base's, cut at the stand-in, joined with the directory (which JSON writes as it is:
    // PLAIN_DIR has no quote, backslash or control character; checked), so equal to JSON.stringify(out)
    if (JSON.stringify(dir) === `"${dir}"`) {
      entry.json ??= JSON.stringify(entry.base).split(entry.standIn).map((p) => Buffer.from(p, 'utf8'));
      const between = Buffer.from(dir, 'utf8');
      const pieces: Buffer[] = [entry.json[0]!];
      for (let i = 1; i < entry.json.length; i++) pieces.push(between, entry.json[i]!);
      JSON_OF.set(out as Analysis, pieces);
    }
    return out as Analysis;
  }
}
