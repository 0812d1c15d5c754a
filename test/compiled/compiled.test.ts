/**
 * The build's compiled data (dist/data/*.json, written by dist/build-data.js
 * after tsup): equal to the validated YAML, and ignored as soon as a source
 * file no longer hashes to the stored digest.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { compiledPath, digestOf, readCompiled, sourceFiles } from '../../src/compiled/index.js';
import { CATALOG_SOURCES, defaultCatalogDir, loadCatalogEntries } from '../../src/catalog/load.js';
import { RULE_SOURCES, loadRulesData } from '../../src/extract/compile.js';
import { defaultRulesDir } from '../../src/extract/load.js';
import { DATA_TABLES, loadDataTable } from '../../src/assess/data.js';
import { dataPath } from '../../src/paths.js';
import { LEXICON_SOURCES, lexiconsDir, parseLexiconFiles } from '../../src/lexicon.js';

const built = existsSync(compiledPath('catalog'));

describe.runIf(built)('compiled data written by the build (npm test builds first)', () => {
  test('catalog.json is the validated catalog of the current YAML files', () => {
    const dir = defaultCatalogDir();
    const value = readCompiled('catalog', dir, sourceFiles(dir, CATALOG_SOURCES, false));
    expect(value, 'dist/data/catalog.json is stale: run npm run build').not.toBeNull();
    expect(value).toEqual(JSON.parse(JSON.stringify(loadCatalogEntries(dir))));
  });

  test('rules.json holds the validated rules and normalizer tables', () => {
    const dir = defaultRulesDir();
    const value = readCompiled('rules', dir, sourceFiles(dir, RULE_SOURCES));
    expect(value, 'dist/data/rules.json is stale: run npm run build').not.toBeNull();
    expect(value).toEqual(JSON.parse(JSON.stringify(loadRulesData(dir))));
  });

  test('lexicons.json holds every data/lexicons YAML file, parsed', () => {
    const dir = lexiconsDir();
    const files = sourceFiles(dir, LEXICON_SOURCES);
    const value = readCompiled<Record<string, unknown>>('lexicons', dir, files);
    expect(value, 'dist/data/lexicons.json is stale: run npm run build').not.toBeNull();
    expect(Object.keys(value!)).toContain('reader/en');
    expect(value).toEqual(JSON.parse(JSON.stringify(parseLexiconFiles(dir, files))));
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
    for (const f of sourceFiles(src, CATALOG_SOURCES, false)) cpSync(f, path.join(dir, path.basename(f)));
    expect(readCompiled('catalog', dir, sourceFiles(dir, CATALOG_SOURCES, false))).not.toBeNull();
    const one = sourceFiles(dir, CATALOG_SOURCES, false)[0]!;
    writeFileSync(one, readFileSync(one, 'utf8').replace(/^name: .*$/m, 'name: Edited Name'));
    expect(readCompiled('catalog', dir, sourceFiles(dir, CATALOG_SOURCES, false))).toBeNull();
  });
});
