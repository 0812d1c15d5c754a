/**
 * Build step (run after tsup as `node dist/build-data.js`; build-time code,
 * outside the layer order): computes the SPDX fingerprints derived from the
 * spdx-license-list dependency (./spdx-fingerprints.ts), validates the
 * package's catalog and rules and writes them as JSON to dist/data/, stamped
 * with the digest of their sources (see ../compiled/index.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { catalogSourceFiles, defaultCatalogDir, loadCatalogEntries } from '../catalog/load.js';
import { CATALOG_COMPILED, catalogShinglesPath, splitShingles } from '../catalog/compiled-catalog.js';
import { RULE_SOURCES, loadRulesData } from '../extract/compile.js';
import { defaultRulesDir } from '../extract/load.js';
import { DATA_TABLES, loadDataTable } from '../assess/data.js';
import { dataPath } from '../paths.js';
import { compiledPath, digestOf, sourceFiles, type CompiledFile } from '../compiled/index.js';
import { writeSpdxFingerprints } from './spdx-fingerprints.js';
import { LEXICON_SOURCES, lexiconsDir, parseLexiconFiles } from '../lexicon.js';
import { validatedLexicons } from './lexicons.js';
import { writeCodeCache } from './code-cache.js';
import { writeShingleIndex } from './shingle-index.js';
import { writeKeywordAutomaton } from './keywords.js';
import { writeSpdxTerms } from './spdx-terms.js';
import { writeReaderStore } from './reader-index.js';

function write<T>(name: string, dir: string, files: string[], value: T, validated?: string[]): void {
  const out = compiledPath(name);
  mkdirSync(path.dirname(out), { recursive: true });
  const data: CompiledFile<T> = { digest: digestOf(dir, files), value, ...(validated ? { validated } : {}) };
  writeFileSync(out, JSON.stringify(data));
  process.stdout.write(`build-data: ${path.relative(process.cwd(), out)} (${files.length} sources)\n`);
}

const catalogDir = defaultCatalogDir();
// the SPDX fingerprints first: they derive from the spdx-license-list dependency (not committed)
const nSpdx = writeSpdxFingerprints();
process.stdout.write(`build-data: ${path.relative(process.cwd(), compiledPath('spdx-fingerprints'))} (${nSpdx} SPDX licenses)\n`);
// the catalog's entries in catalog.json, their fingerprints' shingles as one stream beside it (src/catalog/compiled-catalog.ts)
const catalog = splitShingles(loadCatalogEntries(catalogDir));
writeFileSync(catalogShinglesPath(), catalog.bin);
write(CATALOG_COMPILED, catalogDir, catalogSourceFiles(catalogDir), catalog.value);
// the matcher's shingle index over the catalog and SPDX templates just written (src/identify/index-store.ts)
const nTemplates = writeShingleIndex();
process.stdout.write(`build-data: ${path.relative(process.cwd(), compiledPath('shingle-index'))} (${nTemplates} templates)\n`);
const rulesDir = defaultRulesDir();
write('rules', rulesDir, sourceFiles(rulesDir, RULE_SOURCES), loadRulesData(rulesDir));
// the rules' keyword automaton (src/extract/keywords-store.ts), built fresh and checked on reading back
const nKeywords = writeKeywordAutomaton();
process.stdout.write(`build-data: ${path.relative(process.cwd(), compiledPath('keywords'))} (${nKeywords} keywords)\n`);
for (const file of Object.keys(DATA_TABLES) as Array<keyof typeof DATA_TABLES>) {
  write(`table-${file}`, dataPath('data'), [dataPath('data', file)], loadDataTable(file));
}
const lexDir = lexiconsDir();
const lexFiles = sourceFiles(lexDir, LEXICON_SOURCES);
const lexicons = parseLexiconFiles(lexDir, lexFiles);
write('lexicons', lexDir, lexFiles, lexicons, validatedLexicons(lexicons));
// the clause reader's phrase indices and the clause rules' prefilter, from the lexicons and rules written above
const nFirst = writeReaderStore();
process.stdout.write(`build-data: ${path.relative(process.cwd(), compiledPath('reader-index'))} (${nFirst} first words)\n`);
// the SPDX licenses' terms, extracted by this build's code from the rules and data written above
const nTerms = writeSpdxTerms();
process.stdout.write(`build-data: ${path.relative(process.cwd(), compiledPath('spdx-terms'))} (${nTerms} SPDX licenses' terms)\n`);
// last: the warm run behind the CLI's code cache uses the compiled data above
const cacheBytes = writeCodeCache();
process.stdout.write(`build-data: dist/cli-bundle.cjs.cache (${Math.round(cacheBytes / 1024)} KB, accepted by a second run)\n`);
