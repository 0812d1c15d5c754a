/**
 * The compiled catalog's shingle stream (dist/data/catalog-shingles.bin, src/catalog/compiled-catalog.ts)
 * fails closed: a damaged, truncated or missing stream is not used (the catalog then loads from its YAML
 * files), and the entries it gives are those of the YAML files, shingles included.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { catalogShinglesPath, readCompiledCatalog, shinglesOf, splitShingles } from '../../src/catalog/compiled-catalog.js';
import { catalogSourceFiles, defaultCatalogDir, loadCatalogEntries } from '../../src/catalog/load.js';
import { decodeShingles } from '../../src/binary.js';

const built = existsSync(catalogShinglesPath());

describe.runIf(built)('the compiled catalog and its shingle stream', () => {
  const dir = defaultCatalogDir();
  const files = catalogSourceFiles(dir);
  const copy = (edit: (b: Buffer) => Buffer) => {
    const f = path.join(mkdtempSync(path.join(tmpdir(), 'oml-catalog-shingles-')), 'catalog-shingles.bin');
    writeFileSync(f, edit(readFileSync(catalogShinglesPath())));
    return f;
  };

  test('an intact copy is used: the same entries as the YAML files, each slice the decoded base64', () => {
    const f = path.join(mkdtempSync(path.join(tmpdir(), 'oml-catalog-shingles-')), 'catalog-shingles.bin');
    copyFileSync(catalogShinglesPath(), f);
    const entries = readCompiledCatalog(dir, files, f);
    expect(entries).not.toBeNull();
    const yaml = loadCatalogEntries(dir);
    expect(JSON.parse(JSON.stringify(entries))).toEqual(JSON.parse(JSON.stringify(yaml)));
    const fps = entries!.flatMap((e) => e.fingerprint);
    expect(fps.length).toBeGreaterThan(50);
    for (const fp of fps) expect([...shinglesOf(fp)]).toEqual([...decodeShingles(fp.shingles)]);
  });

  test('one byte changed, the stream truncated or missing: not used', () => {
    expect(readCompiledCatalog(dir, files, copy((b) => { const c = Buffer.from(b); c[c.length >> 1] ^= 1; return c; }))).toBeNull();
    expect(readCompiledCatalog(dir, files, copy((b) => b.subarray(0, b.length - 4)))).toBeNull();
    expect(readCompiledCatalog(dir, files, copy((b) => Buffer.concat([b, Buffer.alloc(4)])))).toBeNull();
    expect(readCompiledCatalog(dir, files, path.join(tmpdir(), 'no-such-dir', 'catalog-shingles.bin'))).toBeNull();
  });

  test('with compiled data off, nothing of the pair is read', () => {
    const was = process.env.OML_NO_COMPILED;
    process.env.OML_NO_COMPILED = '1';
    try {
      expect(readCompiledCatalog(dir, files)).toBeNull();
    } finally {
      if (was === undefined) delete process.env.OML_NO_COMPILED; else process.env.OML_NO_COMPILED = was;
    }
  });
});

test('the build refuses shingles that are not canonical base64 of 32-bit words', () => {
  const e = loadCatalogEntries(defaultCatalogDir()).find((x) => x.fingerprint.length > 0)!;
  expect(() => splitShingles([{ ...e, fingerprint: [{ ...e.fingerprint[0]!, shingles: 'AAA=' }] }])).toThrow(/not canonical base64/);
  const { value, bin } = splitShingles([e]);
  expect(bin.length).toBe(e.fingerprint.reduce((n, fp) => n + Buffer.from(fp.shingles, 'base64').length, 0));
  expect(value.entries[0]!.fingerprint.map((fp) => fp.at[1] * 4)).toEqual(e.fingerprint.map((fp) => Buffer.from(fp.shingles, 'base64').length));
});
