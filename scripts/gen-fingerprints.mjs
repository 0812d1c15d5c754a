#!/usr/bin/env -S npx vite-node --script
// Run: npx vite-node --script scripts/gen-fingerprints.mjs (imports the TypeScript tokenizer from src/).
// Regenerates the `fingerprint:` block of every licenses/*.yaml from the corpus
// texts it lists under `sources:` (../shared/corpus/licenses relative to the
// repo root), then the SPDX fingerprints. Writes hashes only, never text.
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { computeFingerprints, replaceFingerprintBlock } from '../src/identify/fingerprint-store.ts';
import { writeSpdxFingerprints } from './gen-spdx-fingerprints.mjs';
import { writeSpdxTemplates, SPDX_XML_DIR } from './gen-spdx-templates.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus', 'licenses');
const catalogDir = path.join(root, 'licenses');

if (!existsSync(corpus)) {
  console.error(`gen-fingerprints: corpus not found at ${corpus} (expected ../shared/corpus/licenses next to the repo)`);
  process.exit(1);
}

let changed = 0;
let problems = 0;
for (const file of readdirSync(catalogDir).filter((f) => f.endsWith('.yaml')).sort()) {
  const full = path.join(catalogDir, file);
  const text = readFileSync(full, 'utf8');
  const doc = parse(text);
  const sources = Array.isArray(doc?.sources) ? doc.sources : [];
  const texts = [];
  for (const s of sources) {
    const p = path.join(corpus, s);
    if (!existsSync(p)) { console.error(`${file}: source ${s} not found in corpus`); problems++; continue; }
    texts.push({ source: s, text: readFileSync(p, 'utf8') });
  }
  const next = replaceFingerprintBlock(text, computeFingerprints(texts));
  if (next !== text) { writeFileSync(full, next); changed++; }
}
const nTemplates = existsSync(SPDX_XML_DIR) ? writeSpdxTemplates() : 0;
const nSpdx = writeSpdxFingerprints();
console.log(`gen-fingerprints: ${changed} catalog file(s) updated, ${nSpdx} SPDX fingerprints and ${nTemplates} SPDX templates written`);
if (problems) process.exit(1);
