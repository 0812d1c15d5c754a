/**
 * The SPDX licenses' terms stored by the build (dist/data/spdx-terms.{json,bin}): read back as
 * written, never used when made by other code or from other data (stamp), when damaged (a slice's
 * sha256, a truncated file, an unparsable description) or with OML_NO_COMPILED=1; and the build's
 * store holds what extraction gives now.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  readStoredSpdxTerms,
  readStoredSpdxTermsMeta,
  spdxTermsStamp,
  storedSpdxTermsPaths,
  writeStoredSpdxTerms,
  type StoredTermsMeta,
} from '../../src/analyze/spdx-terms-store.js';
import { computeSpdxTerms, spdxTermIds } from '../../src/analyze/spdx-terms.js';
import type { Term } from '../../src/types.js';

const dir = mkdtempSync(path.join(tmpdir(), 'oml-spdx-terms-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** A fresh store in the temporary folder holding `terms` under `stamp`. */
function store(terms: Map<string, Term[]>, stamp = 'stamp-a') {
  const p = storedSpdxTermsPaths(path.join(dir, `store-${n++}.json`));
  writeStoredSpdxTerms('build-a', stamp, terms, p);
  return p;
}

// two real term lists (the terms of two SPDX texts), so the round trip is of the real shape
const [idA, idB] = spdxTermIds().filter((id) => computeSpdxTerms(id).length > 0).slice(0, 2) as [string, string];
const terms = new Map([[idA, computeSpdxTerms(idA)], [idB, computeSpdxTerms(idB)]]);

describe('stored SPDX terms', () => {
  test('read back as written, one license at a time', () => {
    const p = store(terms);
    const meta = readStoredSpdxTermsMeta('stamp-a', p);
    expect(meta).not.toBeNull();
    expect(readStoredSpdxTerms(meta, idA, p)).toEqual(JSON.parse(JSON.stringify(terms.get(idA))));
    expect(readStoredSpdxTerms(meta, idB, p)).toEqual(JSON.parse(JSON.stringify(terms.get(idB))));
    expect(readStoredSpdxTerms(meta, 'not-stored', p)).toBeNull();
    expect(readStoredSpdxTerms(meta, '__proto__', p)).toBeNull();
  });

  test('a store made with another stamp (other code or data) is not used', () => {
    const p = store(terms, 'stamp-b');
    expect(readStoredSpdxTermsMeta('stamp-a', p)).toBeNull();
    expect(readStoredSpdxTermsMeta(null, p)).toBeNull();
  });

  test('a damaged slice is not used; the others still are', () => {
    const p = store(terms);
    const meta = readStoredSpdxTermsMeta('stamp-a', p) as StoredTermsMeta;
    const bin = readFileSync(p.bin);
    const [offset] = meta.entries[idA]!;
    bin[offset + 1] = bin[offset + 1] === 0x41 ? 0x42 : 0x41;
    writeFileSync(p.bin, bin);
    expect(readStoredSpdxTerms(meta, idA, p)).toBeNull();
    expect(readStoredSpdxTerms(meta, idB, p)).toEqual(JSON.parse(JSON.stringify(terms.get(idB))));
  });

  test('a truncated file, a missing file, a bad entry or an unparsable description is not used', () => {
    const p = store(terms);
    const meta = readStoredSpdxTermsMeta('stamp-a', p) as StoredTermsMeta;
    const last = [...terms.keys()].at(-1)!;
    truncateSync(p.bin, readFileSync(p.bin).length - 3);
    expect(readStoredSpdxTerms(meta, last, p)).toBeNull();
    rmSync(p.bin);
    expect(readStoredSpdxTerms(meta, idA, p)).toBeNull();
    const bad = { ...meta, entries: { [idA]: [-1, 5, 'x'] } } as unknown as StoredTermsMeta;
    expect(readStoredSpdxTerms(bad, idA, p)).toBeNull();
    writeFileSync(p.meta, '{"stamp":"stamp-a","entries":');
    expect(readStoredSpdxTermsMeta('stamp-a', p)).toBeNull();
  });

  test('OML_NO_COMPILED=1 turns the store off', () => {
    const p = store(terms);
    process.env.OML_NO_COMPILED = '1';
    try {
      expect(readStoredSpdxTermsMeta('stamp-a', p)).toBeNull();
    } finally {
      delete process.env.OML_NO_COMPILED;
    }
  });

  test('the stamp names the code build: none from the sources, another for another build', () => {
    expect(spdxTermsStamp(null)).toBeNull();
    expect(spdxTermsStamp('build-a')).toBe(spdxTermsStamp('build-a'));
    expect(spdxTermsStamp('build-a')).not.toBe(spdxTermsStamp('build-b'));
  });
});

const built = storedSpdxTermsPaths();
describe.runIf(existsSync(built.meta))('the build\'s store (npm test builds first)', () => {
  test('was made from the current rules and data, and holds what extraction gives now', () => {
    const meta = JSON.parse(readFileSync(built.meta, 'utf8')) as StoredTermsMeta;
    expect(meta.stamp, 'dist/data/spdx-terms.json is stale: run npm run build').toBe(spdxTermsStamp(meta.build));
    const read = readStoredSpdxTermsMeta(meta.stamp);
    const ids = spdxTermIds();
    expect(Object.keys(meta.entries).sort()).toEqual(ids);
    // a spread sample of the licenses (extracting all ~700 takes seconds)
    for (const id of ids.filter((_, i) => i % 60 === 0)) {
      expect(readStoredSpdxTerms(read, id), id).toEqual(JSON.parse(JSON.stringify(computeSpdxTerms(id))));
    }
  });
});
