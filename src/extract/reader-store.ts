/**
 * The clause reader's phrase index (clause/lexicon.ts) and the clause rules' prefilter (prefilter.ts),
 * computed by the build and stored in dist/data/reader-index.json, so a run does not split, inflect
 * and sort ~3,000 phrases and walk the clause rules at start-up.
 *
 * The file is a header line (JSON: stamp, rules digest, sha256 of the rest) and the payload (JSON). Both
 * come from code as much as from data, so the stamp covers the build id of the code (none when run
 * from the sources: never used there) and the digest of data/lexicons the compiled lexicons were
 * accepted for in this run; the prefilter is used only for the package's compiled rules, with the
 * digest they were accepted for and the same clause rules at the same indices. Another stamp, bytes that
 * do not hash to the header's sha256, an unparsable or misshapen file and OML_NO_COMPILED=1 all give
 * null: the caller computes them, the same values either way.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { buildId, compiledPath, sha256Hex } from '../compiled/index.js';
import { stampedSha256 } from '../compiled/stamp.js';
import { compiledLexiconsDigest } from '../lexicon.js';
import type { LexiconIndex, Phrase } from './clause/lexicon.js';
import type { ClausePrefilter } from './prefilter.js';

export interface StoredReaderIndex {
  en: Array<[string, Phrase[]]>;
  zh: Array<[string, Phrase[]]>;
  prefilter: { byWord: Array<[string, number[]]>; always: number[]; clauseRuleIds: string[]; clauseRules: number[] };
}
interface Header { stamp: string; rules: string; sha256: string }

export const readerIndexPath = (): string => compiledPath('reader-index');

/** The stamp of a store made by `build` from the lexicons with this digest; null without either. */
export function readerIndexStamp(build: string | null, lexicons: string | undefined): string | null {
  if (build === null || lexicons === undefined) return null;
  return createHash('sha256').update(JSON.stringify({ build, lexicons })).digest('hex');
}

/** Writes the store (the build, src/build/reader-index.ts). */
export function writeReaderIndex(file: string, stamp: string, rules: string, value: StoredReaderIndex): void {
  const payload = Buffer.from(JSON.stringify(value), 'utf8');
  const header: Header = { stamp, rules, sha256: sha256Hex(payload) };
  writeFileSync(file, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), payload]));
}

// the payload hashes to what the build wrote, so only its outline is checked (a check of every entry cost
// more than building them: ~1,300 entries run by the interpreter at start-up)
const isEntries = (x: unknown): x is Array<[string, unknown[]]> => {
  if (!Array.isArray(x)) return false;
  const e: unknown = x[0];
  return e === undefined || (Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && Array.isArray(e[1]));
};

/** The store at file when made with `stamp` and intact; null otherwise. */
export function readReaderIndex(file: string, stamp: string | null): { rules: string; value: StoredReaderIndex } | null {
  if (stamp === null || process.env.OML_NO_COMPILED === '1') return null;
  try {
    const bytes = readFileSync(file);
    const nl = bytes.indexOf(0x0a);
    if (nl < 0) return null;
    const header = JSON.parse(bytes.subarray(0, nl).toString('utf8')) as Partial<Header>;
    if (header?.stamp !== stamp || typeof header.rules !== 'string') return null;
    const payload = bytes.subarray(nl + 1);
    if (header.sha256 !== stampedSha256(file, payload)) return null;
    const v = JSON.parse(payload.toString('utf8')) as Partial<StoredReaderIndex>;
    const p = v?.prefilter;
    if (!isEntries(v.en) || !isEntries(v.zh) || !p || !isEntries(p.byWord) || !Array.isArray(p.always)
      || !Array.isArray(p.clauseRuleIds) || !Array.isArray(p.clauseRules)) return null;
    return { rules: header.rules, value: v as StoredReaderIndex };
  } catch {
    return null;
  }
}

let memo: { rules: string; value: StoredReaderIndex } | null | undefined;
/** This run's store, read once per process. */
function stored(): { rules: string; value: StoredReaderIndex } | null {
  if (memo === undefined) memo = readReaderIndex(readerIndexPath(), readerIndexStamp(buildId(), compiledLexiconsDigest()));
  return memo;
}

/** The stored phrase indices, or null. */
export function storedLexiconIndices(): { en: LexiconIndex; zh: LexiconIndex } | null {
  const s = stored();
  return s ? { en: { language: 'en', byFirst: new Map(s.value.en) }, zh: { language: 'zh', byFirst: new Map(s.value.zh) } } : null;
}

/**
 * The stored prefilter for these clause rules (indices into the compiled rules, with their ids), when the
 * rules are the package's compiled rules accepted for `rulesDigest` and the store was made from them; null otherwise.
 */
export function storedClausePrefilter(rulesDigest: string | undefined, clauseRules: readonly number[], ids: readonly string[]): ClausePrefilter | null {
  const s = rulesDigest === undefined ? null : stored();
  if (!s || s.rules !== rulesDigest) return null;
  const p = s.value.prefilter;
  if (p.clauseRules.length !== clauseRules.length || p.clauseRules.some((r, i) => r !== clauseRules[i] || p.clauseRuleIds[i] !== ids[i])) return null;
  return { byWord: new Map(p.byWord), always: p.always };
}
