/**
 * The sentence a finding rests on, as carried in the check report (`quote`):
 * whitespace runs (newlines included) folded to one space, capped at
 * QUOTE_MAX characters (code points) with an ellipsis. Untrusted text: each
 * report format neutralizes it (src/report/escape.ts). A sentence of a
 * catalog license (a model known by id only) also says which published text
 * it is in (`catalog`: name, canonical URL, line), never a pseudo-path.
 */
import { getCatalogEntry } from '../catalog/index.js';
import type { Term } from '../types.js';
import type { CatalogEvidence } from './report-schema.js';

/** Longest quote in the check report, in code points (documented in README, JSON report). */
export const QUOTE_MAX = 400;

/** Evidence path prefix of catalog terms (`catalog:<license id>`, see src/build/catalog-terms.ts). */
export const CATALOG_PREFIX = 'catalog:';

export function findingQuote(t: Pick<Term, 'evidence'> | undefined): string | undefined {
  const s = t?.evidence.sentence;
  if (!s) return undefined;
  const chars = Array.from(s.slice(0, QUOTE_MAX * 8).split(/\s+/).filter(Boolean).join(' '));
  if (!chars.length) return undefined;
  return chars.length <= QUOTE_MAX ? chars.join('') : `${chars.slice(0, QUOTE_MAX - 1).join('').trimEnd()}…`;
}

/** The catalog text a term's sentence is in (name, canonical URL, line), or undefined for a term read from a file. */
export function catalogEvidence(t: Pick<Term, 'evidence'>): CatalogEvidence | undefined {
  if (!t.evidence.path.startsWith(CATALOG_PREFIX)) return undefined;
  const license = t.evidence.path.slice(CATALOG_PREFIX.length);
  const e = getCatalogEntry(license);
  return e ? { license, name: e.name, url: e.url, line: t.evidence.line } : undefined;
}
