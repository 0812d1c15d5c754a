export function buildSpdxFingerprints(): { index: unknown; bin: Buffer };
export function writeSpdxFingerprints(): number;
export const SPDX_FINGERPRINTS_PATH: string;
export const SPDX_SHINGLES_PATH: string;
