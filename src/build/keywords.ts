/**
 * Build step (./data.ts, after the rules): the rules' keyword automaton, built fresh from the
 * compiled rules' keyword list and written to dist/data (src/extract/keywords-store.ts); the build
 * fails unless it reads back equal to what a run would build.
 */
import { isDeepStrictEqual } from 'node:util';
import { getRules } from '../extract/compile.js';
import { buildKeywords } from '../extract/keywords.js';
import { readStoredKeywords, writeStoredKeywords } from '../extract/keywords-store.js';

/** Writes dist/data/keywords.{json,bin}; returns the number of keywords. */
export function writeKeywordAutomaton(): number {
  const { keywords } = getRules();
  const built = buildKeywords(keywords);
  writeStoredKeywords(keywords, built);
  if (!isDeepStrictEqual(readStoredKeywords(keywords), built)) {
    throw new Error('build-data: dist/data/keywords does not read back as the automaton it was built from');
  }
  return keywords.length;
}
