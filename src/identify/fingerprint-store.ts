// Fingerprints of a catalog entry's source texts, as stored in licenses/fingerprints/<id>.json
// (written by npm run generate: scripts/generate/catalog-fingerprints.ts).
import { fingerprintText, encodeShingles } from './fingerprint.js';

export interface StoredFingerprint { source: string; hash: string; words: number; shingles: string }

/** Fingerprints for the given source texts, one per distinct normalized hash. */
export function computeFingerprints(texts: ReadonlyArray<{ source: string; text: string }>): StoredFingerprint[] {
  const out: StoredFingerprint[] = [];
  const seen = new Set<string>();
  for (const { source, text } of texts) {
    const fp = fingerprintText(text);
    if (seen.has(fp.hash)) continue;
    seen.add(fp.hash);
    out.push({ source, hash: fp.hash, words: fp.words, shingles: encodeShingles(fp.shingles) });
  }
  return out;
}
