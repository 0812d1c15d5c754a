/**
 * The SPDX fingerprints (hashed shingles of ~700 standard licenses) the matcher
 * compares texts with. Most derive from the `spdx-license-list` npm package: they
 * are computed at build time (dist/build-data.js, src/build/spdx-fingerprints.ts)
 * into dist/data/spdx-fingerprints.json and dist/data/spdx-shingles.bin, never
 * committed. The few licenses newer than that package are fingerprinted from the
 * SPDX license-list XML (../shared/spdx, which is not in npm) and committed as
 * derived data: licenses/spdx/xml-fingerprints.json (`npm run generate`).
 *
 * The build's files are stamped with a digest of what they derive from (the two
 * packages' versions and the committed XML part); missing or stale files are an
 * error naming the file and the fix, never an empty list. The SPDX list belongs
 * to the package, whatever catalog folder is loaded.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { OmlError } from '../errors.js';
import { dataPath } from '../paths.js';
import { readUint32LE } from '../binary.js';
import { compiledPath, type CompiledFile } from '../compiled/index.js';
import { SpdxFingerprintFileSchema, SpdxXmlFingerprintFileSchema, type SpdxFingerprintFile, type SpdxXmlFingerprintFile } from './schema.js';

/** The committed XML-derived part (repository-relative). */
export const SPDX_XML_FINGERPRINTS = 'licenses/spdx/xml-fingerprints.json';
const xmlFile = () => dataPath(...SPDX_XML_FINGERPRINTS.split('/'));
/** Name of the build's index in dist/data (see compiledPath). */
export const SPDX_COMPILED = 'spdx-fingerprints';

/** The build's shingle stream (little-endian uint32), beside its index. */
export function spdxShinglesPath(): string {
  return path.join(path.dirname(compiledPath(SPDX_COMPILED)), 'spdx-shingles.bin');
}

const require = createRequire(import.meta.url);
const versionOf = (pkg: string): string => (require(`${pkg}/package.json`) as { version: string }).version;

/** The packages (name@version) the build-time part derives from. */
export function spdxPackages(): string[] {
  return ['spdx-license-list', 'spdx-license-ids'].map((p) => `${p}@${versionOf(p)}`);
}

/** Digest of what the SPDX fingerprints derive from: the packages' versions and the committed XML part. */
export function spdxDigest(): string {
  const h = createHash('sha256');
  for (const p of spdxPackages()) h.update(`${p}\0`);
  h.update(readFileSync(xmlFile()));
  return h.digest('hex');
}

/** The committed XML-derived part. */
export function loadSpdxXmlFingerprints(): SpdxXmlFingerprintFile {
  const file = xmlFile();
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new OmlError('CATALOG', `cannot parse: ${(e as Error).message.split('\n')[0]}`, { file });
  }
  return validated(SpdxXmlFingerprintFileSchema, raw, file);
}

function validated<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, raw: unknown, file: string): T {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issues = r.error.issues.slice(0, 10).map((i) => `field ${i.path.map(String).join('.')}: ${i.message}`);
  throw new OmlError('CATALOG', `invalid SPDX fingerprints:\n  ${issues.join('\n  ')}`, { file });
}

const FIX = 'run npm run build (the build computes them from the spdx-license-list package)';

/** The build's SPDX fingerprint index (`file`: another copy, for tests); an OmlError when it is missing or stale. */
export function loadSpdxFingerprints(file = compiledPath(SPDX_COMPILED)): SpdxFingerprintFile {
  if (!existsSync(file)) throw new OmlError('CATALOG', `SPDX fingerprints not built: ${FIX}`, { file });
  let c: CompiledFile<unknown>;
  try {
    c = JSON.parse(readFileSync(file, 'utf8')) as CompiledFile<unknown>;
  } catch (e) {
    throw new OmlError('CATALOG', `cannot parse: ${(e as Error).message.split('\n')[0]}: ${FIX}`, { file });
  }
  if (c.digest !== spdxDigest()) {
    throw new OmlError('CATALOG', `SPDX fingerprints are stale (built from other versions of ${spdxPackages().join(', ')} or of ${SPDX_XML_FINGERPRINTS}): ${FIX}`, { file });
  }
  // the build validated it (src/build/spdx-fingerprints.ts) and the digest says it is that build's
  if (Array.isArray(c.validated) && c.validated.includes('value')) return c.value as SpdxFingerprintFile;
  return validated(SpdxFingerprintFileSchema, c.value, file);
}

/** All SPDX shingles of the build (see SpdxFingerprintFile offsets). */
export function loadSpdxShingles(spdx: SpdxFingerprintFile): Uint32Array {
  const file = spdxShinglesPath();
  if (!existsSync(file)) throw new OmlError('CATALOG', `SPDX shingles not built: ${FIX}`, { file });
  const out = readUint32LE(readFileSync(file));
  const last = spdx.licenses[spdx.licenses.length - 1];
  if (last && last.offset + last.count > out.length) {
    throw new OmlError('CATALOG', `SPDX shingles are shorter than their index: ${FIX}`, { file });
  }
  return out;
}
