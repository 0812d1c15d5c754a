/** The second corpus (real AI licenses met on the Hub, ../shared/corpus-2): each is its own catalog entry. */
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { identifyText } from '../../src/identify/identify.js';
import { getCatalogEntry } from '../../src/catalog/index.js';
import { ROOT, type Expectation } from './helpers.js';

const CORPUS2 = path.resolve(ROOT, '../shared/corpus-2/licenses');
const HAVE = existsSync(CORPUS2);

describe.skipIf(!HAVE)('corpus-2 identification', () => {
  const exp = (parse(readFileSync(path.join(ROOT, 'test/expectations/identify-corpus-2.yaml'), 'utf8')) as { files: Record<string, Expectation> }).files;

  it('has an expectation for every corpus-2 text', () => {
    expect(Object.keys(exp).sort()).toEqual(readdirSync(CORPUS2).filter((f) => f.endsWith('.txt')).sort());
  });

  for (const [file, e] of Object.entries(exp)) {
    it(`${file} -> ${e.id} ${e.version ?? ''}`, () => {
      const r = identifyText(readFileSync(path.join(CORPUS2, file), 'utf8'), file);
      expect({ id: r.id, family: r.family, version: r.version, match: r.match }).toEqual(e);
      // the catalog entry names its source text
      expect(getCatalogEntry(e.id)?.sources.some((s) => s.endsWith(`/corpus-2/licenses/${file}`))).toBe(true);
    });
  }
});
