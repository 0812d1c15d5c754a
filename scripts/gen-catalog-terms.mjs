#!/usr/bin/env node
/**
 * Extract the terms of every catalog license from its canonical text in
 * ../shared/corpus and store them in licenses/terms/<id>.json, so that a model
 * known only by identifier (`license: llama3.1`, a base model, an incorporated
 * use policy) still gets its terms offline.
 *
 *   npx vite-node scripts/gen-catalog-terms.mjs          # write
 *   npx vite-node scripts/gen-catalog-terms.mjs --check  # exit 1 when stale
 *
 * test/catalog/terms.test.ts fails when a committed file is stale.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listCatalog } from '../src/catalog/index.ts';
import { buildCatalogTerms } from '../src/build/catalog-terms.ts';
import { decodeBytes } from '../src/read/decode.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '..', 'shared', 'corpus', 'licenses');
if (!existsSync(corpus)) {
  console.error(`gen-catalog-terms: corpus not found at ${corpus}`);
  process.exit(2);
}
const out = join(root, 'licenses', 'terms');
const check = process.argv.includes('--check');
let stale = 0;
const wanted = new Set();
for (const entry of listCatalog()) {
  const source = entry.sources?.[0];
  if (!source) continue;
  const text = decodeBytes(readFileSync(join(corpus, source)), source).text;
  const terms = buildCatalogTerms(entry.id, source, text);
  const file = join(out, `${entry.id}.json`);
  wanted.add(`${entry.id}.json`);
  const body = `${JSON.stringify({ id: entry.id, source, terms }, null, 1)}\n`;
  if (check) {
    const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (old !== body) { stale++; console.error(`stale: licenses/terms/${entry.id}.json`); }
  } else {
    mkdirSync(out, { recursive: true });
    writeFileSync(file, body);
  }
}
if (!check && existsSync(out)) for (const f of readdirSync(out)) if (!wanted.has(f)) rmSync(join(out, f));
if (check && stale) process.exit(1);
if (!check) console.log(`wrote ${wanted.size} files to licenses/terms/`);
