/**
 * The reader's phrase indices and the clause prefilter stored by the build (dist/data/reader-index.json):
 * read back as written, never used when made with another stamp (other code or lexicons), when damaged
 * (bytes that do not hash to the header's sha256, a truncated file, a misshapen payload) or with
 * OML_NO_COMPILED=1; and the indices the build computes are those the reader builds now.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { readReaderIndex, readerIndexPath, readerIndexStamp, storedClausePrefilter, writeReaderIndex, type StoredReaderIndex } from '../../src/extract/reader-store.js';
import { indexLexicons, MetricsLexiconSchema, ReaderLexiconSchema, readerLexicons } from '../../src/extract/clause/lexicon.js';
import { buildClausePrefilter } from '../../src/extract/prefilter.js';
import { getRules } from '../../src/extract/compile.js';
import { loadLexicon } from '../../src/lexicon.js';

const dir = mkdtempSync(path.join(tmpdir(), 'oml-reader-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => { delete process.env.OML_NO_COMPILED; });

const compiled = getRules();
const rules = compiled.rules.map((r) => r.rule);
const ix = indexLexicons(loadLexicon('reader/en', ReaderLexiconSchema), loadLexicon('reader/zh', ReaderLexiconSchema), loadLexicon('reader/metrics', MetricsLexiconSchema));
const pre = buildClausePrefilter(rules, compiled.clauseRules, ix.en);
const value: StoredReaderIndex = {
  en: [...ix.en.byFirst],
  zh: [...ix.zh.byFirst],
  prefilter: { byWord: [...pre.byWord], always: pre.always, clauseRules: compiled.clauseRules, clauseRuleIds: compiled.clauseRules.map((i) => rules[i]!.id) },
};
const stamp = readerIndexStamp('build-a', 'lexicons-a')!;

let n = 0;
function store(s = stamp): string {
  const f = path.join(dir, `store-${n++}.json`);
  writeReaderIndex(f, s, 'rules-a', value);
  return f;
}

describe('stored reader index', () => {
  test('the stamp needs a build id and a lexicons digest, and changes with either', () => {
    expect(readerIndexStamp(null, 'lexicons-a')).toBeNull();
    expect(readerIndexStamp('build-a', undefined)).toBeNull();
    expect(readerIndexStamp('build-b', 'lexicons-a')).not.toBe(stamp);
    expect(readerIndexStamp('build-a', 'lexicons-b')).not.toBe(stamp);
  });

  test('read back as written: the same indices and prefilter the reader builds', () => {
    const got = readReaderIndex(store(), stamp);
    expect(got?.rules).toBe('rules-a');
    expect(new Map(got!.value.en)).toEqual(readerLexicons().en.byFirst);
    expect(new Map(got!.value.zh)).toEqual(readerLexicons().zh.byFirst);
    expect(new Map(got!.value.prefilter.byWord)).toEqual(buildClausePrefilter(rules, compiled.clauseRules).byWord);
    expect(got!.value.prefilter.always).toEqual(buildClausePrefilter(rules, compiled.clauseRules).always);
  });

  test('another stamp, or none, is not used', () => {
    const f = store(readerIndexStamp('build-b', 'lexicons-a')!);
    expect(readReaderIndex(f, stamp)).toBeNull();
    expect(readReaderIndex(store(), null)).toBeNull();
  });

  test('damaged bytes, a truncated file or a misshapen payload are not used', () => {
    const f = store();
    const b = readFileSync(f);
    const at = b.length - 10;
    b[at] = b[at] === 0x31 ? 0x32 : 0x31;
    writeFileSync(f, b);
    expect(readReaderIndex(f, stamp)).toBeNull();
    const t = store();
    truncateSync(t, readFileSync(t).length - 100);
    expect(readReaderIndex(t, stamp)).toBeNull();
    const m = path.join(dir, 'misshapen.json');
    writeReaderIndex(m, stamp, 'rules-a', { ...value, en: 'x' } as unknown as StoredReaderIndex);
    expect(readReaderIndex(m, stamp)).toBeNull();
    writeFileSync(path.join(dir, 'no-header.json'), '{}');
    expect(readReaderIndex(path.join(dir, 'no-header.json'), stamp)).toBeNull();
  });

  test('OML_NO_COMPILED=1 turns it off', () => {
    const f = store();
    process.env.OML_NO_COMPILED = '1';
    expect(readReaderIndex(f, stamp)).toBeNull();
  });

  test('run from the sources (no build id) the prefilter is never the stored one', () => {
    expect(storedClausePrefilter('rules-a', compiled.clauseRules, compiled.clauseRules.map((i) => rules[i]!.id))).toBeNull();
  });

  test.runIf(existsSync(readerIndexPath()))('the build\'s store holds what the reader builds now', () => {
    const f = readerIndexPath();
    const header = JSON.parse(readFileSync(f, 'utf8').split('\n', 1)[0]!) as { stamp: string };
    const got = readReaderIndex(f, header.stamp);
    expect(got).not.toBeNull();
    expect(JSON.parse(JSON.stringify(got!.value))).toEqual(JSON.parse(JSON.stringify(value)));
  });
});
