/**
 * One run, the same text read once: a LICENSE copied into many folders of a monorepo or a vendored tree is
 * analysed the first time and the result reused for every further copy, re-stamped with that copy's path.
 *
 * How the reuse stays exact. The analysis depends on a file's path only through its name (markdown or
 * HTML by extension, the `LicenseRef-oml-unresolved-<name>` reference, the ranking of a folder's license
 * files) and quotes the path in `source`, `path` and messages. So the key is the text's hash together with
 * its encoding, byte count and file name (the directory is left out); the text is analysed once under a
 * stand-in directory that holds a random nonce, and each copy's result is that analysis with the stand-in
 * replaced by the copy's directory in every string. A result the stand-in does not come out of whole (the
 * nonce left anywhere after the replacement), a text the reader warned about, a directory with characters
 * a message might escape, and an analysis that throws all take the ordinary path instead. Bounded: at most
 * MAX_ENTRIES results, the oldest dropped first. Off with OML_NO_FASTPATH=1 (test/cli/dedupe.test.ts shows
 * the same JSON either way).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Analysis, SourceText } from '../types.js';

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

export class SameTextMemo {
  private readonly nonce = randomBytes(12).toString('hex');
  /** The stand-in directory: nothing a reader, parser or message would change (letters, digits, `-`, `/`). */
  private readonly standIn = `oml-same-text-${this.nonce}/`;
  private readonly entries = new Map<string, Analysis>();
  hits = 0;

  constructor(private readonly analyze: (src: SourceText) => Analysis) {}

  /** The analysis of `src`: from an earlier copy of the same text when there is one. */
  run(src: SourceText): Analysis {
    const at = nameStart(src.path);
    const dir = src.path.slice(0, at);
    const name = src.path.slice(at);
    if (src.warnings.length || name === '' || !PLAIN_DIR.test(dir) || dir.includes(this.nonce)) return this.analyze(src);
    const key = `${createHash('sha256').update(src.text).digest('hex')}\0${src.encoding}\0${src.bytes}\0${name}`;
    let base = this.entries.get(key);
    if (base) this.hits++;
    else {
      try {
        base = this.analyze({ ...src, path: `${this.standIn}${name}` });
      } catch {
        return this.analyze(src); // the error as the ordinary path words it
      }
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, base);
    }
    const out = restamp(base, this.standIn, dir, this.nonce);
    if (out === NOT_PLAIN) {
      this.entries.delete(key);
      return this.analyze(src);
    }
    return out as Analysis;
  }
}
