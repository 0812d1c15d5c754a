/**
 * Free-form SPDX spellings (`apache-2`, `BSD-3`, "Apache 2.0", "MIT License")
 * corrected by the `spdx-correct` package (the npm ecosystem's own corrector,
 * used by normalize-package-data), with two guards so a correction never
 * guesses: the version numbers must be the ones written (`apache` is not
 * corrected to Apache-2.0), and an "or later" the value does not say is not
 * added (`gplv3` is GPL-3.0-only, as SPDX reads the bare GPL-3.0).
 */
import { createRequire } from 'node:module';
import { isCurrentSpdxId } from '../parse/spdx.js';

const require = createRequire(import.meta.url);
const spdxCorrect = require('spdx-correct') as (id: string, opts?: { upgrade: boolean }) => string | null;

/** Longest value handed to spdx-correct (it tries many rewrites of the value). */
const MAX_VALUE = 128;
const NUMBER = /\d{1,6}(?:\.\d{1,6}){0,4}/g;
const LATER = /\+|later/i;

/** Version numbers in a value, with trailing `.0`s dropped (`2` and `2.0` are one version). */
function versions(s: string): string {
  const out = new Set<string>();
  for (const m of s.matchAll(NUMBER)) out.add(m[0].replace(/(?:\.0)+$/, ''));
  return [...out].sort().join(' ');
}

export interface Correction { id: string; from: string }

/** The SPDX id a free-form value means, or null when spdx-correct has none or would have to guess. */
export function correctSpdx(value: string): Correction | null {
  const v = value.trim();
  if (v.length === 0 || v.length > MAX_VALUE) return null;
  let id: string | null;
  try { id = spdxCorrect(v, { upgrade: true }); } catch { return null; }
  if (!id || versions(v) !== versions(id)) return null;
  if (id.endsWith('-or-later') && !LATER.test(v)) {
    const only = `${id.slice(0, -'-or-later'.length)}-only`;
    if (!isCurrentSpdxId(only)) return null;
    id = only;
  }
  return isCurrentSpdxId(id) ? { id, from: v } : null;
}
