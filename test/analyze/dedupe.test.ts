/**
 * The same text analysed once per run (src/analyze/dedupe.ts): a copy's result is the result the copy
 * would get on its own, its directory stamped in everywhere the path is quoted, and its compact JSON
 * (compactJson) is JSON.stringify of that result; different file names do not share a result; a directory
 * with characters a message might escape takes the ordinary path; a text the decoder warned about is not kept.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../src/analyze/index.js';
import { SameTextMemo, compactJson } from '../../src/analyze/dedupe.js';
import { decodeBytes } from '../../src/read/decode.js';
import type { Analysis } from '../../src/types.js';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus/licenses');
const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => !f.startsWith('.')).sort().map((f) => path.join(CORPUS, f)) : [];
// a few texts of different kinds: the first ones in name order
const picked = files.slice(0, 6);

/** The file `p` holding `bytes`, through the memo, and on its own. */
const viaMemo = (memo: SameTextMemo, p: string, bytes: Uint8Array): Analysis => memo.runFile(p, bytes, (b) => decodeBytes(b, p));
const alone = (p: string, bytes: Uint8Array): Analysis => analyzeText(decodeBytes(bytes, p));
const memoOf = (count?: { n: number }) => new SameTextMemo((src) => {
  if (count) count.n++;
  return analyzeText(src);
});

describe('same text, analysed once per run', () => {
  test('the corpus is there', () => expect(picked.length).toBeGreaterThanOrEqual(6));

  test('a copy in another folder gets exactly its own analysis (JSON), from the first copy', () => {
    const memo = memoOf();
    for (const f of picked) {
      const bytes = readFileSync(f);
      const name = path.basename(f);
      for (const p of [`vendor/a/${name}`, `vendor/b (copy)/${name}`, name, `/abs/third-party/x_1/${name}`]) {
        const got = viaMemo(memo, p, bytes);
        const want = JSON.stringify(alone(p, bytes));
        expect(JSON.stringify(got), p).toBe(want);
        // the pieces the CLI writes are that JSON, byte for byte
        expect(Buffer.concat(compactJson(got)).toString('utf8'), p).toBe(want);
      }
    }
    // every text after its first copy came from the memo
    expect(memo.hits).toBe(picked.length * 3);
  }, 120_000);

  test('compactJson serialises a result the memo did not make; a copy gets the pieces of the memo', () => {
    const memo = memoOf();
    const bytes = readFileSync(picked[0]!);
    const fresh = alone('z/LICENSE', bytes);
    expect(Buffer.concat(compactJson(fresh)).toString('utf8')).toBe(JSON.stringify(fresh));
    const copy = viaMemo(memo, 'y/LICENSE', bytes);
    expect(compactJson(copy).length).toBeGreaterThan(1); // cut at the stand-in: the pieces of the memo
  }, 60_000);

  test('another file name, or a directory a message might escape, is analysed on its own', () => {
    const memo = memoOf();
    const bytes = readFileSync(picked[0]!);
    viaMemo(memo, 'a/LICENSE', bytes);
    for (const p of ['b/LICENSE.md', 'b/COPYING', 'we"ird/LICENSE', 'tab\there/LICENSE']) {
      const got = viaMemo(memo, p, bytes);
      expect(JSON.stringify(got), p).toBe(JSON.stringify(alone(p, bytes)));
      expect(Buffer.concat(compactJson(got)).toString('utf8'), p).toBe(JSON.stringify(got));
    }
    expect(memo.hits).toBe(0);
  }, 60_000);

  test('a text the decoder warned about is not shared (its warnings quote the path)', () => {
    const count = { n: 0 };
    const memo = memoOf(count);
    // invalid UTF-8 in the middle: the decoder warns, naming the file
    const bytes = Buffer.concat([readFileSync(picked[1]!), Buffer.from([0xff, 0xfe, 0x41, 0x0a])]);
    const a = viaMemo(memo, 'a/LICENSE', bytes);
    const b = viaMemo(memo, 'b/LICENSE', bytes);
    expect(memo.hits).toBe(0);
    expect(count.n).toBe(2);
    expect(JSON.stringify(b)).toBe(JSON.stringify(alone('b/LICENSE', bytes)));
    expect(JSON.stringify(a)).toContain('a/LICENSE');
  }, 60_000);

  test('the memo is bounded (oldest result dropped first)', () => {
    const count = { n: 0 };
    const memo = memoOf(count);
    const head = readFileSync(picked[2]!, 'utf8').slice(0, 200);
    const copy = (i: number) => Buffer.from(`${head}\n\nCopy ${i}.`, 'utf8');
    for (let i = 0; i < 600; i++) viaMemo(memo, `d/${i}.txt`, copy(i));
    count.n = 0;
    viaMemo(memo, 'e/0.txt', copy(0)); // dropped: analysed again
    viaMemo(memo, 'e/599.txt', copy(599)); // kept
    expect(count.n).toBe(1);
  }, 120_000);
});
