/**
 * Results kept across runs (src/analyze/result-cache.ts): an entry is read back only under the same build,
 * data and options, only from a private folder and a private file, and only when it is whole and its key is the
 * one asked for; a second run through the same-text memo analyses nothing and gives the same JSON.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { analyzeText } from '../../src/analyze/index.js';
import { SameTextMemo } from '../../src/analyze/dedupe.js';
import { ResultCache, checkResultFolder, resultStamp } from '../../src/analyze/result-cache.js';
import { decodeBytes } from '../../src/read/decode.js';
import { OmlError } from '../../src/errors.js';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus/licenses');
const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => !f.startsWith('.')).sort().map((f) => path.join(CORPUS, f)) : [];
const root = mkdtempSync(path.join(tmpdir(), 'oml-result-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = () => path.join(root, `c${n++}`);
const BUILD = 'test-build-1';
const posix = typeof process.getuid === 'function';

function opened(dir: string, opts = {}, build = BUILD): ResultCache {
  const c = ResultCache.open(dir, opts, build);
  if (!c) throw new Error('no cache');
  return c;
}
const sample = () => analyzeText(decodeBytes(readFileSync(files[0]!), 'oml-same-text-0123456789abcdef01234567/LICENSE'));
const STAND_IN = 'oml-same-text-0123456789abcdef01234567/';
const entries = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('result cache', () => {
  test('the corpus is there', () => expect(files.length).toBeGreaterThan(3));

  test('what is put is got back, under the same build, options and key only', () => {
    const dir = fresh();
    const a = sample();
    opened(dir).put('k1', STAND_IN, a);
    const got = opened(dir).get('k1');
    expect(got?.standIn).toBe(STAND_IN);
    expect(got?.nonce).toBe('0123456789abcdef01234567');
    expect(JSON.stringify(got?.analysis)).toBe(JSON.stringify(a));
    expect(opened(dir).get('k2')).toBeUndefined();
    expect(opened(dir, { markdown: 'fast' }).get('k1')).toBeUndefined();
    expect(opened(dir, {}, 'another-build').get('k1')).toBeUndefined();
    expect(opened(dir, { limits: { maxFileBytes: 1000 } }).get('k1')).toBeUndefined();
  }, 60_000);

  test('the stamp covers build and options; run from the sources (no build id) there is no cache', () => {
    expect(resultStamp({}, 'b1')).toBe(resultStamp({}, 'b1'));
    expect(resultStamp({}, 'b1')).not.toBe(resultStamp({}, 'b2'));
    expect(resultStamp({ profile: { users: 10 } as never }, 'b1')).not.toBe(resultStamp({}, 'b1'));
    // key order in the options does not matter
    expect(resultStamp({ limits: { maxFileBytes: 5, maxTotalBytes: 9 } }, 'b1')).toBe(resultStamp({ limits: { maxTotalBytes: 9, maxFileBytes: 5 } }, 'b1'));
    expect(resultStamp({}, null)).toBeNull();
    expect(ResultCache.open(fresh(), {}, null)).toBeNull();
  });

  test.runIf(posix)('a folder others may write, a symbolic link or a file is refused, naming it', () => {
    const open = fresh();
    mkdirSync(open);
    chmodSync(open, 0o777);
    const refuse = (dir: string, what: RegExp) => {
      let err: unknown;
      try {
        checkResultFolder(dir);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(OmlError);
      expect((err as OmlError).code).toBe('USAGE');
      expect((err as OmlError).message).toContain(dir);
      expect((err as OmlError).message).toMatch(what);
    };
    refuse(open, /writable by no one else/);
    chmodSync(open, 0o720);
    refuse(open, /writable by no one else/);
    const real = fresh();
    mkdirSync(real, { mode: 0o700 });
    const link = fresh();
    symlinkSync(real, link);
    refuse(link, /symbolic link/);
    const file = fresh();
    writeFileSync(file, 'x');
    refuse(file, /cannot create|not a directory/);
    // a new folder is made private
    const made = path.join(fresh(), 'deeper');
    checkResultFolder(made);
    expect(() => checkResultFolder(made)).not.toThrow();
  });

  test.runIf(posix)('an entry others may write, a corrupt entry, or an entry under another name is not read', () => {
    const dir = fresh();
    const c = opened(dir);
    c.put('k1', STAND_IN, sample());
    const [f] = entries(dir);
    const file = path.join(dir, f!);
    chmodSync(file, 0o666);
    expect(opened(dir).get('k1')).toBeUndefined();
    chmodSync(file, 0o600);
    expect(opened(dir).get('k1')).toBeDefined();
    // renamed onto the name of another key: its own key is written inside, so it is not that key's result
    c.put('k2', STAND_IN, sample());
    const other = entries(dir).find((x) => x !== f)!;
    renameSync(file, path.join(dir, other));
    expect(opened(dir).get('k2')).toBeUndefined();
    // cut short
    writeFileSync(path.join(dir, other), readFileSync(path.join(dir, other)).subarray(0, 100), { mode: 0o600 });
    expect(opened(dir).get('k2')).toBeUndefined();
    // a stand-in that is not one the memo makes
    c.put('k3', 'elsewhere/', sample());
    expect(opened(dir).get('k3')).toBeUndefined();
  }, 60_000);

  test('a second run through the same-text memo analyses nothing and gives the same JSON', () => {
    const dir = fresh();
    let calls = 0;
    const memo = () => new SameTextMemo((src) => {
      calls++;
      return analyzeText(src);
    }, opened(dir));
    const first = memo();
    const paths = files.slice(0, 4).map((f, i) => `vendor/${i}/${path.basename(f)}`);
    const bytes = files.slice(0, 4).map((f) => readFileSync(f));
    paths.forEach((p, i) => first.runFile(p, bytes[i]!, (b) => decodeBytes(b, p)));
    expect(calls).toBe(4);
    calls = 0;
    const second = memo();
    const got = paths.map((p, i) => JSON.stringify(second.runFile(`other/${p}`, bytes[i]!, (b) => decodeBytes(b, `other/${p}`))));
    expect(calls).toBe(0);
    expect(got).toEqual(paths.map((p, i) => JSON.stringify(analyzeText(decodeBytes(bytes[i]!, `other/${p}`)))));
  }, 120_000);
});
