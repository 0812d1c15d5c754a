/**
 * Build step: the SPDX fingerprints derived from the `spdx-license-list` package
 * (every current id of `spdx-license-ids` with a text), followed by the committed
 * part fingerprinted from the SPDX XML (licenses/spdx/xml-fingerprints.json), as
 * one index (dist/data/spdx-fingerprints.json, stamped with spdxDigest) and one
 * shingle stream (dist/data/spdx-shingles.bin). Hashes only, no text. See
 * src/catalog/spdx-load.ts for why this part is built rather than committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fingerprintText } from '../identify/fingerprint.js';
import { decodeShingles } from '../binary.js';
import { compiledPath, type CompiledFile } from '../compiled/index.js';
import { SPDX_COMPILED, loadSpdxXmlFingerprints, spdxDigest, spdxPackages, spdxShinglesPath } from '../catalog/spdx-load.js';
import { SpdxFingerprintFileSchema, type SpdxFingerprintFile } from '../catalog/schema.js';

const require = createRequire(import.meta.url);

type Meta = Omit<SpdxFingerprintFile['licenses'][number], 'offset' | 'count'>;

/** The package-derived part: every current SPDX id with a text in spdx-license-list, sorted, fingerprinted. */
export function packageSpdxFingerprints(): Array<{ meta: Meta; shingles: Uint32Array }> {
  const full = require('spdx-license-list/full') as Record<string, { name: string; osiApproved?: boolean; url?: string; licenseText?: string } | undefined>;
  const ids = require('spdx-license-ids') as string[];
  return [...ids].sort().flatMap((id) => {
    const entry = full[id];
    if (!entry?.licenseText) return [];
    const fp = fingerprintText(entry.licenseText);
    if (fp.words === 0) return [];
    return [{ meta: { id, name: entry.name, osi: Boolean(entry.osiApproved), url: entry.url ?? null, hash: fp.hash, words: fp.words }, shingles: fp.shingles }];
  });
}

export function buildSpdxFingerprints(): { index: SpdxFingerprintFile; bin: Buffer } {
  const licenses: SpdxFingerprintFile['licenses'] = [];
  const parts: Uint32Array[] = [];
  let offset = 0;
  const add = (l: Meta, shingles: Uint32Array) => {
    licenses.push({ ...l, offset, count: shingles.length });
    parts.push(shingles);
    offset += shingles.length;
  };
  for (const p of packageSpdxFingerprints()) add(p.meta, p.shingles);
  const xml = loadSpdxXmlFingerprints();
  for (const { shingles, ...l } of xml.licenses) add(l, decodeShingles(shingles));
  const bin = Buffer.alloc(offset * 4);
  let o = 0;
  for (const arr of parts) for (const h of arr) { bin.writeUInt32LE(h, o); o += 4; }
  const source = `${spdxPackages()[0]}${xml.licenses.length ? ` + ${xml.licenses.length} from ${xml.source}` : ''}`;
  return { index: { generatedBy: 'dist/build-data.js', source, licenses }, bin };
}

/** Writes the index and the shingles under dist/data; returns the number of licenses. */
export function writeSpdxFingerprints(): number {
  const { index, bin } = buildSpdxFingerprints();
  const file = compiledPath(SPDX_COMPILED);
  mkdirSync(path.dirname(file), { recursive: true });
  // validated here, at build time: when the schema leaves the index unchanged, the file says so and the
  // run uses it without zod (src/catalog/spdx-load.ts); otherwise the run validates it
  const checked = SpdxFingerprintFileSchema.parse(index);
  const same = JSON.stringify(checked) === JSON.stringify(index);
  const data: CompiledFile<SpdxFingerprintFile> = { digest: spdxDigest(), value: index, ...(same ? { validated: ['value'] } : {}) };
  writeFileSync(file, JSON.stringify(data));
  writeFileSync(spdxShinglesPath(), bin);
  return index.licenses.length;
}
