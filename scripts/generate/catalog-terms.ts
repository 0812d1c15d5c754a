/**
 * licenses/terms/<id>.json: the terms of every catalog license, extracted from
 * its canonical text in ../shared/corpus, so that a model known only by
 * identifier (`license: llama3.1`, a base model, an incorporated use policy)
 * still gets its terms offline. Evidence keeps the line and a short excerpt.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildCatalogTerms } from '../../src/build/catalog-terms.js';
import { decodeBytes } from '../../src/read/decode.js';
import { CORPUS_DIR, needs, settle, type Artefact, type Generator } from './artefacts.js';
import { catalogSources } from './catalog-fingerprints.js';

export function catalogTermArtefacts(): Artefact[] {
  return catalogSources().flatMap((e) => {
    const source = e.sources[0];
    if (!source) return [];
    const text = decodeBytes(readFileSync(path.join(CORPUS_DIR, source)), source).text;
    const terms = buildCatalogTerms(e.id, source, text);
    return [{ path: `licenses/terms/${e.id}.json`, content: `${JSON.stringify({ id: e.id, source, terms }, null, 1)}\n` }];
  });
}

export const catalogTerms: Generator = {
  name: 'catalog-terms',
  describe: 'licenses/terms/<id>.json from each catalog entry\'s first corpus text and the rules',
  unavailable: needs(CORPUS_DIR),
  run: async (mode) => settle('catalog-terms', mode, catalogTermArtefacts(), [{ dir: 'licenses/terms', ext: '.json' }]),
};
