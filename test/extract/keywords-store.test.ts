/**
 * The build's compiled keyword automaton (dist/data/keywords.*, src/extract/keywords-store.ts):
 * current (equal to the automaton built from the rules' keywords), and ignored when made from another
 * keyword list or damaged, so the run builds its own and finds the same keywords.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { getRules } from '../../src/extract/compile.js';
import { buildKeywords, scanKeywords } from '../../src/extract/keywords.js';
import { readStoredKeywords, storedKeywordsPaths, writeStoredKeywords } from '../../src/extract/keywords-store.js';

const built = storedKeywordsPaths();
const dir = mkdtempSync(path.join(tmpdir(), 'oml-keywords-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const copy = (name: string) => {
  const p = storedKeywordsPaths(path.join(dir, `${name}.json`));
  copyFileSync(built.meta, p.meta);
  copyFileSync(built.bin, p.bin);
  return p;
};

describe.runIf(existsSync(built.meta))('compiled keyword automaton', () => {
  const { keywords } = getRules();

  test('the built automaton is current: a run uses it, equal to the one built from the keywords, same matches', () => {
    const stored = readStoredKeywords(keywords);
    expect(stored, 'dist/data/keywords is stale: run npm run build').not.toBeNull();
    const fresh = buildKeywords(keywords);
    expect(stored).toEqual(fresh);
    const text = `Some text with ${keywords.slice(0, 20).join(' and\n ')} in it.`;
    const hits = (a: typeof fresh) => { const out: number[] = []; scanKeywords(a, text, (k) => out.push(k)); return out; };
    expect(hits(stored!)).toEqual(hits(fresh));
    expect(hits(fresh).length).toBeGreaterThanOrEqual(20);
  });

  test('stale: another keyword list (one more, one fewer, one changed) is not served the stored automaton', () => {
    const p = copy('stale');
    expect(readStoredKeywords(keywords, p)).not.toBeNull();
    expect(readStoredKeywords([...keywords, 'made up keyword'], p)).toBeNull();
    expect(readStoredKeywords(keywords.slice(1), p)).toBeNull();
    expect(readStoredKeywords(keywords.map((k, i) => (i === 0 ? `${k}x` : k)), p)).toBeNull();
  });

  test('damaged: a flipped byte, a truncated file or a broken description is ignored', () => {
    const flip = copy('flip');
    const bytes = readFileSync(flip.bin);
    bytes[bytes.length >> 1] ^= 1;
    writeFileSync(flip.bin, bytes);
    expect(readStoredKeywords(keywords, flip)).toBeNull();
    const cut = copy('cut');
    writeFileSync(cut.bin, readFileSync(cut.bin).subarray(0, 1000));
    expect(readStoredKeywords(keywords, cut)).toBeNull();
    const meta = copy('meta');
    writeFileSync(meta.meta, readFileSync(meta.meta, 'utf8').slice(0, 40));
    expect(readStoredKeywords(keywords, meta)).toBeNull();
  });

  test('write then read gives back the same automaton, non-ASCII keywords included', () => {
    const list = ['漏洞 利用', 'naïve use', 'use', 'commercial use'];
    const a = buildKeywords(list);
    const p = storedKeywordsPaths(path.join(dir, 'round.json'));
    writeStoredKeywords(list, a, p);
    expect(readStoredKeywords(list, p)).toEqual(a);
  });
});
