/**
 * The build's compiled data (dist/data/*.json, written by dist/build-data.js
 * after tsup): equal to the validated YAML, and ignored as soon as a source
 * file no longer hashes to the stored digest.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { compiledPath, digestOf, readCompiled, sourceFiles } from '../../src/compiled/index.js';
import { catalogSourceFiles, defaultCatalogDir, loadCatalogEntries } from '../../src/catalog/load.js';
import { RULE_SOURCES, loadRulesData } from '../../src/extract/compile.js';
import { defaultRulesDir } from '../../src/extract/load.js';
import { DATA_TABLES, loadDataTable } from '../../src/assess/data.js';
import { dataPath } from '../../src/paths.js';
import { loadSpdxFingerprints, loadSpdxShingles, spdxDigest } from '../../src/catalog/spdx-load.js';
import { buildSpdxFingerprints } from '../../src/build/spdx-fingerprints.js';
import { LEXICON_SOURCES, lexiconsDir, loadLexicon, parseLexiconFiles } from '../../src/lexicon.js';
import { readCompiledFile } from '../../src/compiled/index.js';
import { readCompiledCatalog } from '../../src/catalog/compiled-catalog.js';
import { validatedLexicons } from '../../src/build/lexicons.js';
import { SpdxFingerprintFileSchema } from '../../src/catalog/schema.js';
import { ReaderLexiconSchema } from '../../src/extract/clause/lexicon.js';

const built = existsSync(compiledPath('catalog'));

describe.runIf(built)('compiled data written by the build (npm test builds first)', () => {
  test('catalog.json is the validated catalog of the current YAML files', () => {
    const dir = defaultCatalogDir();
    const value = readCompiledCatalog(dir, catalogSourceFiles(dir));
    expect(value, 'dist/data/catalog.json is stale: run npm run build').not.toBeNull();
    expect(value).toEqual(JSON.parse(JSON.stringify(loadCatalogEntries(dir))));
  });

  test('rules.json holds the validated rules and normalizer tables', () => {
    const dir = defaultRulesDir();
    const value = readCompiled('rules', dir, sourceFiles(dir, RULE_SOURCES));
    expect(value, 'dist/data/rules.json is stale: run npm run build').not.toBeNull();
    expect(value).toEqual(JSON.parse(JSON.stringify(loadRulesData(dir))));
  });

  test('the SPDX fingerprints are built from the installed spdx-license-list and the committed XML part', () => {
    const { index, bin } = buildSpdxFingerprints();
    expect(loadSpdxFingerprints()).toEqual(index);
    expect(Buffer.from(loadSpdxShingles(index).buffer).equals(bin)).toBe(true);
    expect(index.licenses.length).toBeGreaterThan(600);
    expect(index.source).toMatch(/^spdx-license-list@\d/);
  });

  test('the build validated the SPDX fingerprint index: marked so, and equal to what zod gives', () => {
    const c = JSON.parse(readFileSync(compiledPath('spdx-fingerprints'), 'utf8')) as { validated?: string[]; value: unknown };
    expect(c.validated).toEqual(['value']);
    expect(loadSpdxFingerprints()).toEqual(SpdxFingerprintFileSchema.parse(c.value));
  });

  test('lexicons.json holds every data/lexicons YAML file, parsed', () => {
    const dir = lexiconsDir();
    const files = sourceFiles(dir, LEXICON_SOURCES);
    const value = readCompiled<Record<string, unknown>>('lexicons', dir, files);
    expect(value, 'dist/data/lexicons.json is stale: run npm run build').not.toBeNull();
    expect(Object.keys(value!)).toContain('reader/en');
    expect(value).toEqual(JSON.parse(JSON.stringify(parseLexiconFiles(dir, files))));
  });

  test('lexicons.json lists as validated the lexicons the build checked, and those load as zod would give them', () => {
    const dir = lexiconsDir();
    const files = sourceFiles(dir, LEXICON_SOURCES);
    const c = readCompiledFile<Record<string, unknown>>('lexicons', dir, files);
    expect(c, 'dist/data/lexicons.json is stale: run npm run build').not.toBeNull();
    const parsed = parseLexiconFiles(dir, files);
    expect(c!.validated).toEqual(validatedLexicons(parsed));
    // every lexicon file has a schema at build time (a new one without is validated at run time instead)
    expect(c!.validated).toEqual(Object.keys(parsed).sort());
    const en = loadLexicon('reader/en', ReaderLexiconSchema);
    expect(en).toEqual(ReaderLexiconSchema.parse(parsed['reader/en']));
  });

  test('the build fails on an invalid lexicon, naming the file', () => {
    const dir = lexiconsDir();
    const parsed = parseLexiconFiles(dir, sourceFiles(dir, LEXICON_SOURCES));
    expect(() => validatedLexicons({ ...parsed, 'reader/en': { categories: 'nope' } })).toThrow(/data\/lexicons\/reader\/en\.yaml: invalid/);
  });

  test('every data/ table is compiled', () => {
    for (const file of Object.keys(DATA_TABLES) as Array<keyof typeof DATA_TABLES>) {
      const value = readCompiled(`table-${file}`, dataPath('data'), [dataPath('data', file)]);
      expect(value, file).toEqual(JSON.parse(JSON.stringify(loadDataTable(file))));
    }
  });
});

describe('digest guards against stale compiled data', () => {
  test('editing, adding or renaming a source changes the digest', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'oml-digest-'));
    cpSync(defaultRulesDir(), dir, { recursive: true });
    const files = () => sourceFiles(dir, RULE_SOURCES);
    const d0 = digestOf(dir, files());
    expect(digestOf(dir, files())).toBe(d0);
    const one = files().find((f) => !path.basename(f).startsWith('_'))!;
    appendFileSync(one, '\n# edited\n');
    const d1 = digestOf(dir, files());
    expect(d1).not.toBe(d0);
    writeFileSync(path.join(dir, 'extra.yaml'), readFileSync(one));
    expect(digestOf(dir, files())).not.toBe(d1);
  });

  test.runIf(built)('the compiled catalog is used for identical sources and ignored after an edit', () => {
    const src = defaultCatalogDir();
    const dir = mkdtempSync(path.join(tmpdir(), 'oml-catalog-'));
    for (const f of catalogSourceFiles(src)) {
      mkdirSync(path.dirname(path.join(dir, path.relative(src, f))), { recursive: true });
      cpSync(f, path.join(dir, path.relative(src, f)));
    }
    expect(readCompiledCatalog(dir, catalogSourceFiles(dir))).not.toBeNull();
    const one = catalogSourceFiles(dir)[0]!;
    writeFileSync(one, readFileSync(one, 'utf8').replace(/^name: .*$/m, 'name: Edited Name'));
    expect(readCompiledCatalog(dir, catalogSourceFiles(dir))).toBeNull();
    // a regenerated fingerprint sidecar is a source too
    const sidecar = catalogSourceFiles(dir).find((f) => f.includes(`${path.sep}fingerprints${path.sep}`))!;
    writeFileSync(one, readFileSync(path.join(src, path.basename(one))));
    expect(readCompiledCatalog(dir, catalogSourceFiles(dir))).not.toBeNull();
    appendFileSync(sidecar, '\n');
    expect(readCompiledCatalog(dir, catalogSourceFiles(dir))).toBeNull();
  });
});

describe('the built SPDX fingerprints fail closed', () => {
  const copy = (text: string) => {
    const f = path.join(mkdtempSync(path.join(tmpdir(), 'oml-spdx-')), 'spdx-fingerprints.json');
    writeFileSync(f, text);
    return f;
  };
  test('missing, unparsable or built from other sources: an error naming the file and the fix, never an empty list', () => {
    expect(() => loadSpdxFingerprints(path.join(tmpdir(), 'no-such-dir', 'spdx-fingerprints.json'))).toThrow(/SPDX fingerprints not built: run npm run build/);
    expect(() => loadSpdxFingerprints(copy('{"digest":'))).toThrow(/cannot parse: .*run npm run build/);
    expect(() => loadSpdxFingerprints(copy(JSON.stringify({ digest: 'other', value: { generatedBy: 'x', source: 'x', licenses: [] } }))))
      .toThrow(/SPDX fingerprints are stale \(built from other versions of spdx-license-list@[\d.]+, spdx-license-ids@[\d.]+ or of licenses\/spdx\/xml-fingerprints.json\)/);
    expect(() => loadSpdxFingerprints(copy(JSON.stringify({ digest: spdxDigest(), value: { licenses: 'nope' } })))).toThrow(/invalid SPDX fingerprints/);
  });
});
