/**
 * Free-form SPDX spellings (`apache-2`, `BSD-3`, "Apache 2.0", "MIT License")
 * corrected by the `spdx-correct` package (the npm ecosystem's own corrector,
 * used by normalize-package-data), with two guards so a correction never
 * guesses: every word of the value must be in the corrected id or its SPDX
 * name (filler words aside), so nothing is dropped ("Apache 2.0 with Commons
 * Clause" and "Apache-2.0 OR MIT" are not corrected); the version numbers must
 * be the ones written (`apache` is not corrected to Apache-2.0); and an "or
 * later" the value does not say is not added (`GPL v3` is GPL-3.0-only, as SPDX
 * reads the bare GPL-3.0).
 */
import { createRequire } from 'node:module';
import { isCurrentSpdxId } from '../parse/spdx.js';
import { phraseWords } from './card-phrases.js';

const require = createRequire(import.meta.url);
// loaded on first use: a run whose texts carry no free-form SPDX spelling never reads these packages (start-up time)
type SpdxCorrect = (id: string, opts?: { upgrade: boolean }) => string | null;
let correctFn: SpdxCorrect | undefined;
let names: Record<string, { name: string } | undefined> | undefined;
const spdxCorrect: SpdxCorrect = (id, opts) => (correctFn ??= require('spdx-correct') as SpdxCorrect)(id, opts);
const spdxNames = (): Record<string, { name: string } | undefined> =>
  (names ??= require('spdx-license-list') as Record<string, { name: string } | undefined>);

/** Words a free-form license value may carry besides the license's own. */
const FILLER = new Set(['the', 'license', 'licensed', 'licenses', 'version', 'v', 'software', 'public']);

/** Every word of the value is in the id or the SPDX name (filler aside). */
function accountedFor(value: string, id: string): boolean {
  const known = new Set([...phraseWords(id), ...phraseWords(spdxNames()[id]?.name ?? '')]);
  return phraseWords(value).map((w) => (w.endsWith('+') ? w.slice(0, -1) : w)).every((w) => w === '' || FILLER.has(w) || known.has(w));
}

/** Longest value handed to spdx-correct (it tries many rewrites of the value). */
const MAX_VALUE = 128;
const NUMBER = /\d{1,6}(?:\.\d{1,6}){0,4}/g;
const LATER = /\+|later/i;

/** Version numbers in a value, with trailing `.0`s dropped (`2` and `2.0` are one version). */
function versions(s: string): string {
  const out = new Set<string>();
  for (const m of s.matchAll(NUMBER)) {
    let n = m[0];
    while (n.endsWith('.0')) n = n.slice(0, -2);
    out.add(n);
  }
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
  if (!accountedFor(v, id.replace(/-or-later$/, ''))) return null;
  if (id.endsWith('-or-later') && !LATER.test(v)) {
    const only = `${id.slice(0, -'-or-later'.length)}-only`;
    if (!isCurrentSpdxId(only)) return null;
    id = only;
  }
  return isCurrentSpdxId(id) ? { id, from: v } : null;
}
