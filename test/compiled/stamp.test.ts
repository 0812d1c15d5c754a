/**
 * The sources' stat stamp (src/compiled/stamp.ts): the recorded digest is served only while every file shows
 * exactly the stats recorded after hashing; any edit (also one that keeps the size and sets the modification
 * time back), a new, removed or replaced file, or a file changed just before the hashing, is hashed again.
 */
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { digestOf, sourceFiles } from '../../src/compiled/index.js';
import { RACY_MS, stampedDigest } from '../../src/compiled/stamp.js';

const root = mkdtempSync(path.join(tmpdir(), 'oml-stamp-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => { delete process.env.OML_NO_FASTPATH; });

const OLD = new Date(Date.now() - 60_000);
let n = 0;

/** A folder of two sources last changed a minute ago (so a stamp may be written), and a digest counting its calls. */
function setUp() {
  const dir = path.join(root, `s${n++}`);
  const src = path.join(dir, 'src');
  rmSync(dir, { recursive: true, force: true });
  for (const [f, t] of [['a.yaml', 'name: first\n'], ['b.yaml', 'name: second\n']]) {
    writeFileSync(path.join(mkdirp(src), f), t);
    utimesSync(path.join(src, f), OLD, OLD);
  }
  const stamp = path.join(dir, 'x.sources.json');
  let computed = 0;
  const digest = () => {
    const files = sourceFiles(src, /\.yaml$/);
    return stampedDigest(stamp, src, files, () => { computed++; return digestOf(src, files); });
  };
  return { src, stamp, digest, computed: () => computed, truth: () => digestOf(src, sourceFiles(src, /\.yaml$/)) };
}
function mkdirp(d: string): string {
  mkdirSync(d, { recursive: true });
  return d;
}

// (ctime here is set by the kernel: the tests wait for nothing; a file written now is "racy" and not stamped)
/** Rewrites the file with content of the same size and sets its old access and modification times back. */
function sameSizeEditTimesReset(file: string): void {
  const before = statSync(file);
  writeFileSync(file, 'name: fir5t\n');
  utimesSync(file, before.atime, before.mtime);
  expect(statSync(file).size).toBe(before.size);
  expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
}

describe.runIf(process.platform !== 'win32')('the sources\' stat stamp', () => {
  test('unchanged sources: hashed, stamped once settled, then served from the stamp; an edit of the same size with its old modification time is hashed', async () => {
    const s = setUp();
    // the files were just written (ctime now): racy, so a run hashes and writes no stamp
    expect(s.digest()).toBe(s.truth());
    expect(() => readFileSync(s.stamp)).toThrow();
    expect(s.computed()).toBe(1);
    await new Promise((r) => setTimeout(r, RACY_MS + 100));
    expect(s.digest()).toBe(s.truth());
    expect(s.computed()).toBe(2);
    expect(JSON.parse(readFileSync(s.stamp, 'utf8'))).toMatchObject({ digest: s.truth() });
    expect(s.digest()).toBe(s.truth());
    expect(s.digest()).toBe(s.truth());
    expect(s.computed()).toBe(2);
    sameSizeEditTimesReset(path.join(s.src, 'a.yaml'));
    const edited = s.truth();
    expect(s.digest()).toBe(edited);
    expect(s.computed()).toBe(3);
  });

  test('a stamp is served only for the exact stats; an edit of the same size with its old times set back is hashed', () => {
    const s = setUp();
    // a stamp as a run would have written it for files settled long ago (ctime cannot be set back: forge it)
    const files = sourceFiles(s.src, /\.yaml$/);
    const keys = files.map((f) => { const st = statSync(f, { bigint: true }); return `${st.size}:${st.dev}:${st.ino}:${st.mtimeNs}:${st.ctimeNs}`; });
    writeFileSync(s.stamp, JSON.stringify({ dir: path.resolve(s.src), files, stats: keys, digest: s.truth() }));
    expect(s.digest()).toBe(s.truth());
    expect(s.computed()).toBe(0);
    sameSizeEditTimesReset(path.join(s.src, 'a.yaml'));
    expect(s.digest()).toBe(s.truth());
    expect(s.computed()).toBe(1);
  });

  test('a new, a removed or a replaced file, another folder or a broken stamp: hashed', () => {
    const s = setUp();
    const files = () => sourceFiles(s.src, /\.yaml$/);
    const forge = () => writeFileSync(s.stamp, JSON.stringify({
      dir: path.resolve(s.src), files: files(), digest: s.truth(),
      stats: files().map((f) => { const st = statSync(f, { bigint: true }); return `${st.size}:${st.dev}:${st.ino}:${st.mtimeNs}:${st.ctimeNs}`; }),
    }));
    forge();
    writeFileSync(path.join(s.src, 'c.yaml'), 'name: third\n');
    expect(s.digest()).toBe(s.truth());
    expect(s.computed()).toBe(1);
    forge();
    rmSync(path.join(s.src, 'c.yaml'));
    expect(s.digest()).toBe(s.truth());
    expect(s.computed()).toBe(2);
    forge();
    const b = path.join(s.src, 'b.yaml');
    writeFileSync(`${b}.new`, 'name: secund\n');
    renameSync(`${b}.new`, b);
    expect(s.digest()).toBe(s.truth());
    expect(s.computed()).toBe(3);
    forge();
    writeFileSync(s.stamp, '{"dir":');
    expect(s.digest()).toBe(s.truth());
    expect(s.computed()).toBe(4);
    forge();
    const other = JSON.parse(readFileSync(s.stamp, 'utf8')) as { dir: string };
    writeFileSync(s.stamp, JSON.stringify({ ...other, dir: '/elsewhere' }));
    expect(s.digest()).toBe(s.truth());
    expect(s.computed()).toBe(5);
  });

  test('fast paths off: always hashed, the stamp not read', () => {
    const s = setUp();
    writeFileSync(s.stamp, JSON.stringify({ dir: path.resolve(s.src), files: [], stats: [], digest: 'forged' }));
    process.env.OML_NO_FASTPATH = '1';
    expect(s.digest()).toBe(s.truth());
    expect(s.computed()).toBe(1);
  });

  test('a stamp is written only for files settled before the run, and not where the folder is read-only', () => {
    const s = setUp();
    // settle the files' ctime: wait is not possible, so check the rule on the stats the stamp would record
    const files = sourceFiles(s.src, /\.yaml$/);
    const young = files.every((f) => statSync(f, { bigint: true }).ctimeNs > BigInt(Date.now() - 2000) * 1_000_000n);
    expect(young).toBe(true);
    s.digest();
    expect(() => readFileSync(s.stamp)).toThrow();
    if (process.getuid?.() !== 0) {
      chmodSync(path.dirname(s.stamp), 0o555);
      expect(s.digest()).toBe(s.truth());
      chmodSync(path.dirname(s.stamp), 0o755);
    }
  });
});
