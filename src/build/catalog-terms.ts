import { extractTerms } from '../extract/engine.js';
import { parseDocument } from '../parse/document.js';
import { splitSentences } from '../parse/sentences.js';
import type { Term } from '../types.js';

/** Longest evidence excerpt kept in the committed catalog terms (the license text itself is never stored). */
export const EXCERPT_WORDS = 12;

export function excerpt(sentence: string): string {
  const words = sentence.split(/\s+/).filter(Boolean);
  return words.length <= EXCERPT_WORDS ? words.join(' ') : `${words.slice(0, EXCERPT_WORDS).join(' ')} …`;
}

/**
 * Terms of a catalog license, extracted from its canonical text at build time
 * (npm run generate: scripts/generate/catalog-terms.ts). Evidence keeps the line and column in the
 * canonical text and a short excerpt, never the full sentence.
 */
export function buildCatalogTerms(id: string, sourceName: string, text: string): Term[] {
  const doc = parseDocument({ path: sourceName, text, encoding: 'utf-8', bytes: text.length, warnings: [] });
  return extractTerms(doc, { origin: 'catalog', via: id, split: splitSentences }).map((t) => ({
    ...t,
    evidence: { ...t.evidence, path: `catalog:${id}`, sentence: excerpt(t.evidence.sentence) },
  }));
}
