import { existsSync, readFileSync } from 'node:fs';
import { getCatalogEntry } from '../catalog/index.js';
import { dataPath } from '../paths.js';
import { spdxTerms } from './spdx-terms.js';
import type { Term, TermOrigin } from '../types.js';

const cache = new Map<string, Term[]>();

function stored(id: string): Term[] {
  const hit = cache.get(id);
  if (hit) return hit;
  const file = dataPath('licenses', 'terms', `${id}.json`);
  const terms = existsSync(file) ? ((JSON.parse(readFileSync(file, 'utf8')) as { terms: Term[] }).terms) : spdxTerms(id);
  cache.set(id, terms);
  return terms;
}

/**
 * Terms of a license known only by identifier. For catalog licenses they were
 * extracted from the canonical text at build time (licenses/terms/, see
 * npm run generate); for standard SPDX licenses they come from the text shipped by the
 * spdx-license-list package (extracted by the build, or now: spdx-terms.ts). Each term is
 * re-labelled with the origin that brought it in.
 */
export function catalogTerms(id: string, origin: TermOrigin, via?: string): Term[] {
  return stored(id).map((t) => ({ ...t, origin, via: via ?? id }));
}

/**
 * Terms of the documents a catalog license incorporates by reference (a Llama
 * license's acceptable use policy, Gemma's prohibited use policy), except those
 * in `skip` (already read from disk). `via` defaults to each document's id.
 */
export function incorporatedTerms(id: string, origin: TermOrigin = 'incorporated', via?: string, skip?: Set<string>): Term[] {
  const out: Term[] = [];
  for (const inc of getCatalogEntry(id)?.incorporates ?? []) {
    if (!skip?.has(inc)) out.push(...catalogTerms(inc, origin, via ?? inc));
  }
  return out;
}
