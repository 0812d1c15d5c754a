/**
 * The same text analysed once per run (src/analyze/dedupe.ts): a copy's result is the result the copy
 * would get on its own, its directory stamped in everywhere the path is quoted; different file names do
 * not share a result; a directory with characters a message might escape takes the ordinary path.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../src/analyze/index.js';
import { SameTextMemo } from '../../src/analyze/dedupe.js';
import { readSourceSync } from '../../src/read/file.js';
import type { SourceText } from '../../src/types.js';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus/licenses');
const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => !f.startsWith('.')).sort().map((f) => path.join(CORPUS, f)) : [];
// a few texts of different kinds: the first ones in name order and one with a model card's front matter if any
const picked = files.slice(0, 6);
const at = (src: SourceText, p: string): SourceText => ({ ...src, path: p });

describe('same text, analysed once per run', () => {
  test('the corpus is there', () => expect(picked.length).toBeGreaterThanOrEqual(6));

  test('a copy in another folder gets exactly its own analysis (JSON), from the first copy', () => {
    const memo = new SameTextMemo((src) => analyzeText(src));
    for (const f of picked) {
      const src = readSourceSync(f);
      const name = path.basename(f);
      for (const p of [`vendor/a/${name}`, `vendor/b (copy)/${name}`, name, `/abs/third-party/x_1/${name}`]) {
        expect(JSON.stringify(memo.run(at(src, p))), p).toBe(JSON.stringify(analyzeText(at(src, p))));
      }
    }
    // every text after its first copy came from the memo
    expect(memo.hits).toBe(picked.length * 3);
  }, 120_000);

  test('another file name, or a directory a message might escape, is analysed on its own', () => {
    const memo = new SameTextMemo((src) => analyzeText(src));
    const src = readSourceSync(picked[0]!);
    memo.run(at(src, 'a/LICENSE'));
    for (const p of ['b/LICENSE.md', 'b/COPYING', 'we"ird/LICENSE', 'tab\there/LICENSE']) {
      expect(JSON.stringify(memo.run(at(src, p))), p).toBe(JSON.stringify(analyzeText(at(src, p))));
    }
    expect(memo.hits).toBe(0);
  }, 60_000);

  test('a text the reader warned about is not shared (its warnings quote the path)', () => {
    const memo = new SameTextMemo((src) => analyzeText(src));
    const src = { ...readSourceSync(picked[1]!), warnings: [{ code: 'INVALID_UTF8' as const, message: 'a/LICENSE: made-up warning', path: 'a/LICENSE' }] };
    memo.run(at(src, 'a/LICENSE'));
    memo.run(at(src, 'b/LICENSE'));
    expect(memo.hits).toBe(0);
  }, 60_000);

  test('the memo is bounded (oldest result dropped first)', () => {
    let calls = 0;
    const memo = new SameTextMemo((src) => {
      calls++;
      return analyzeText(src);
    });
    const src = readSourceSync(picked[2]!);
    for (let i = 0; i < 600; i++) memo.run({ ...src, path: `d/${i}.txt`, text: `${src.text.slice(0, 200)}\n\nCopy ${i}.` });
    calls = 0;
    memo.run({ ...src, path: 'e/0.txt', text: `${src.text.slice(0, 200)}\n\nCopy 0.` }); // dropped: analysed again
    memo.run({ ...src, path: 'e/599.txt', text: `${src.text.slice(0, 200)}\n\nCopy 599.` }); // kept
    expect(calls).toBe(1);
  }, 120_000);
});
