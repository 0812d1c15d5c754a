export interface StoredFingerprint { source: string; hash: string; words: number; shingles: string }
export const FINGERPRINT_MARKER: string;
export function computeFingerprints(texts: Array<{ source: string; text: string }>): StoredFingerprint[];
export function replaceFingerprintBlock(yamlText: string, fps: StoredFingerprint[]): string;
