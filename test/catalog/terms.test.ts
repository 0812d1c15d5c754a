/** licenses/terms/ is generated from the canonical texts: it must be current, and it must not hold the texts. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCatalog } from '../../src/catalog/index.js';
import { EXCERPT_WORDS, buildCatalogTerms } from '../../src/build/catalog-terms.js';
import { decodeBytes } from '../../src/read/decode.js';
import type { Term } from '../../src/types.js';

const REPO = resolve(__dirname, '../..');
const CORPUS = resolve(REPO, '../shared/corpus/licenses');
const dir = join(REPO, 'licenses/terms');
const withText = listCatalog().filter((e) => e.sources?.length);

describe('catalog terms (run: npx vite-node scripts/gen-catalog-terms.mjs)', () => {
  it('one file per catalog entry with a canonical text', () => {
    expect(readdirSync(dir).sort()).toEqual(withText.map((e) => `${e.id}.json`).sort());
  });
  it.each(withText.map((e) => [e.id, e.sources![0]!]))('%s is up to date', (id, source) => {
    const stored = JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as { terms: Term[] };
    expect(existsSync(join(CORPUS, source))).toBe(true);
    const text = decodeBytes(readFileSync(join(CORPUS, source)), source).text;
    expect(stored.terms).toEqual(JSON.parse(JSON.stringify(buildCatalogTerms(id, source, text))));
    for (const t of stored.terms) expect(t.evidence.sentence.replace(' …', '').split(/\s+/).length).toBeLessThanOrEqual(EXCERPT_WORDS);
  });
});
