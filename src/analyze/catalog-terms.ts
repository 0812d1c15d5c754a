import { getCatalogEntry } from '../catalog/index.js';
import type { Term, TermOrigin } from '../types.js';

/**
 * Terms of a catalog license known only by identifier. They were extracted from
 * the canonical text at build time (scripts/gen-catalog-terms.mjs) and are
 * re-labelled with the origin that brought them in.
 */
export function catalogTerms(id: string, origin: TermOrigin, via?: string): Term[] {
  const entry = getCatalogEntry(id);
  const terms = (entry as { terms?: Term[] } | undefined)?.terms ?? [];
  return terms.map((t) => ({ ...t, origin, via: via ?? id }));
}
