/**
 * licenses/terms/ is generated from the canonical texts (its freshness is checked
 * with every generated artefact: test/generate/check.test.ts); it must not hold the texts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCatalog } from '../../src/catalog/index.js';
import { EXCERPT_WORDS } from '../../src/build/catalog-terms.js';
import type { Term } from '../../src/types.js';

const REPO = resolve(__dirname, '../..');
const dir = join(REPO, 'licenses/terms');
const withText = listCatalog().filter((e) => e.sources?.length);

describe('catalog terms (run: npm run generate)', () => {
  it('one file per catalog entry with a canonical text', () => {
    expect(readdirSync(dir).sort()).toEqual(withText.map((e) => `${e.id}.json`).sort());
  });
  it.each(withText.map((e) => [e.id]))('%s keeps only short excerpts', (id) => {
    const stored = JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as { terms: Term[] };
    for (const t of stored.terms) expect(t.evidence.sentence.replace(' …', '').split(/\s+/).length).toBeLessThanOrEqual(EXCERPT_WORDS);
  });
});
