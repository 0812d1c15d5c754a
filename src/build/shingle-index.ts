/**
 * Build step (./data.ts, after the catalog and SPDX fingerprints): the matcher's sampled shingle
 * index, built fresh over the templates of the catalog just compiled and written to dist/data
 * (src/identify/index-store.ts); then read back, and the build fails unless a run would use it
 * and it equals what the run would build.
 */
import { isDeepStrictEqual } from 'node:util';
import { loadCatalog } from '../catalog/load.js';
import { buildIndex, buildMatcher } from '../identify/templates.js';
import { readStoredIndex, writeStoredIndex } from '../identify/index-store.js';

/** Writes dist/data/shingle-index.{json,bin}; returns the number of templates. */
export function writeShingleIndex(): number {
  const { templates } = buildMatcher(loadCatalog());
  const index = buildIndex(templates);
  const sampled = templates.map((t) => t.sampled);
  writeStoredIndex(templates, index);
  const back = readStoredIndex(templates);
  if (!back || !isDeepStrictEqual({ ...back }, { ...index }) || !isDeepStrictEqual(templates.map((t) => t.sampled), sampled)) {
    throw new Error('build-data: dist/data/shingle-index does not read back as the index it was built from');
  }
  return templates.length;
}
