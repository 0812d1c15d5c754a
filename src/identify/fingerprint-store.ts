// Reads and writes the generated `fingerprint:` block of catalog YAML files.
// Shared by scripts/gen-fingerprints.mjs and tests.
import { fingerprintText, encodeShingles } from './fingerprint.js';

export const FINGERPRINT_MARKER = 'fingerprint:';

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

/** Replace everything from the `fingerprint:` line to the end of a YAML file. */
export function replaceFingerprintBlock(yamlText: string, fps: readonly StoredFingerprint[]): string {
  const lines = yamlText.split('\n');
  const at = lines.findIndex((l) => l.startsWith(FINGERPRINT_MARKER));
  const head = (at === -1 ? lines : lines.slice(0, at)).join('\n').replace(/\n+$/, '');
  if (fps.length === 0) return `${head}\n${FINGERPRINT_MARKER} []\n`;
  const body = fps.map((f) =>
    `  - source: ${JSON.stringify(f.source)}\n    hash: ${JSON.stringify(f.hash)}\n    words: ${f.words}\n    shingles: ${JSON.stringify(f.shingles)}`,
  );
  return `${head}\n${FINGERPRINT_MARKER}\n${body.join('\n')}\n`;
}
