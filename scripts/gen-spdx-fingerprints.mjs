#!/usr/bin/env -S npx vite-node --script
// Run: npx vite-node --script scripts/gen-spdx-fingerprints.mjs (imports the TypeScript tokenizer from src/).
// Generates licenses/spdx/fingerprints.json from the spdx-license-list package
// (full texts) for every current id in spdx-license-ids. Hashes only, no text.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprintText } from '../src/identify/fingerprint.ts';
import { spdxXmlTexts } from './gen-spdx-templates.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Compute the SPDX fingerprint document (deterministic). */
export function buildSpdxFingerprints() {
  const full = require('spdx-license-list/full');
  const ids = require('spdx-license-ids');
  const pkg = JSON.parse(readFileSync(require.resolve('spdx-license-list/package.json'), 'utf8'));
  const licenses = [];
  const parts = [];
  let offset = 0;
  for (const id of [...ids].sort()) {
    const entry = full[id];
    if (!entry || !entry.licenseText) continue;
    const fp = fingerprintText(entry.licenseText);
    if (fp.words === 0) continue;
    licenses.push({ id, name: entry.name, osi: Boolean(entry.osiApproved), url: entry.url ?? null,
      hash: fp.hash, words: fp.words, offset, count: fp.shingles.length });
    parts.push(fp.shingles);
    offset += fp.shingles.length;
  }
  // licenses newer than the package: fingerprinted from the SPDX XML's own wording (../shared/spdx, when present)
  const have = new Set(licenses.map((l) => l.id));
  let xmlCount = 0;
  for (const [id, x] of [...spdxXmlTexts()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (have.has(id)) continue;
    const fp = fingerprintText(x.text);
    if (fp.words === 0) continue;
    licenses.push({ id, name: x.name, osi: x.osi, url: null, hash: fp.hash, words: fp.words, offset, count: fp.shingles.length });
    parts.push(fp.shingles);
    offset += fp.shingles.length;
    xmlCount++;
  }
  const bin = Buffer.alloc(offset * 4);
  let o = 0;
  for (const arr of parts) for (const h of arr) { bin.writeUInt32LE(h, o); o += 4; }
  return { index: { generatedBy: 'scripts/gen-spdx-fingerprints.mjs', source: `spdx-license-list@${pkg.version}` + (xmlCount ? ` + ${xmlCount} from spdx/license-list-XML` : ''), licenses }, bin };
}

export const SPDX_FINGERPRINTS_PATH = path.join(root, 'licenses', 'spdx', 'fingerprints.json');
export const SPDX_SHINGLES_PATH = path.join(root, 'licenses', 'spdx', 'shingles.bin');

/** Write both generated files. */
export function writeSpdxFingerprints() {
  mkdirSync(path.dirname(SPDX_FINGERPRINTS_PATH), { recursive: true });
  const { index, bin } = buildSpdxFingerprints();
  writeFileSync(SPDX_FINGERPRINTS_PATH, JSON.stringify(index, null, 0).replace(/\},\{/g, '},\n{') + '\n');
  writeFileSync(SPDX_SHINGLES_PATH, bin);
  return index.licenses.length;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const n = writeSpdxFingerprints();
  console.log(`wrote ${n} SPDX fingerprints to ${path.relative(root, SPDX_FINGERPRINTS_PATH)}`);
}
