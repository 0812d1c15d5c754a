#!/usr/bin/env node
/**
 * Is the second markdown engine (the line scanner, src/parse/markdown-fast.ts)
 * worth keeping? Runs both engines in one process, interleaved over three
 * rounds, on the license corpus and on the model-card corpus, and prints
 * analyzeText files/s and parse ms/file (medians). Not a test.
 *   npm run build && node scripts/bench-markdown.mjs [N files per round, default 500]
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(ROOT, 'dist', 'index.js');
if (!existsSync(dist)) { console.error('bench-markdown: dist/index.js is missing: run npm run build'); process.exit(1); }
const lib = await import(pathToFileURL(dist).href);
const N = Number(process.argv[2] ?? 500);
const ENGINES = ['remark', 'fast'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log('| corpus | texts (markdown) | engine | analyzeText files/s | parse ms/file |');
console.log('| --- | ---: | --- | ---: | ---: |');
for (const rel of ['licenses', 'model-cards']) {
  const dir = resolve(ROOT, '../shared/corpus', rel);
  if (!existsSync(dir)) { console.log(`| ${rel} | not found | | | |`); continue; }
  const unique = readdirSync(dir).filter((f) => !f.startsWith('.')).sort().map((f) => lib.readSourceSync(join(dir, f)));
  const md = unique.filter((s) => lib.parseDocument(s).format === 'markdown').length;
  const texts = Array.from({ length: N }, (_, i) => unique[i % unique.length]);
  for (const e of ENGINES) for (const s of unique) lib.analyzeText(s, { markdown: e }); // warm-up
  const rate = { remark: [], fast: [] };
  const parse = { remark: [], fast: [] };
  for (let round = 0; round < 3; round++) {
    for (const e of ENGINES) {
      let t0 = performance.now();
      for (const s of texts) lib.analyzeText(s, { markdown: e });
      rate[e].push(N / ((performance.now() - t0) / 1000));
      t0 = performance.now();
      for (const s of texts) lib.parseDocument(s, { markdown: e });
      parse[e].push((performance.now() - t0) / N);
    }
  }
  for (const e of ENGINES) console.log(`| ${rel} | ${unique.length} (${md}) | ${e} | ${median(rate[e]).toFixed(0)} | ${median(parse[e]).toFixed(2)} |`);
}
