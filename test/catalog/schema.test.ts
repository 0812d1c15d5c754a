import { describe, it, expect } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCatalogEntries, loadCatalog, defaultCatalogDir } from '../../src/catalog/load.js';
import { OmlError } from '../../src/errors.js';

const GOOD = `id: acme-model-license
name: Acme Model License
family: other
version: "1.0"
kind: license
publisher: Acme
url: https://example.com/acme
hf: [acme]
spdx: LicenseRef-acme-model-license
incorporates: []
basedOn: null
sources: []
`;

function tempCatalog(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'oml-catalog-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const FP = { source: 'acme.txt', hash: '0123456789abcdef0123456789abcdef', words: 3, shingles: 'AAAAAA==' };
const sidecar = (id: string, fingerprint: unknown[] = [FP]) => JSON.stringify({ id, generatedBy: 'npm run generate', fingerprint });

describe('catalog schema validation', () => {
  it('accepts a valid entry', () => {
    const entries = loadCatalogEntries(tempCatalog({ 'acme-model-license.yaml': GOOD }));
    expect(entries[0].id).toBe('acme-model-license');
  });

  it('reports every problem at once, with file and field', () => {
    const dir = tempCatalog({
      'acme-model-license.yaml': GOOD.replace('family: other', 'family: nonsense'),
      'beta.yaml': GOOD.replace('id: acme-model-license', 'id: beta').replace('url: https://example.com/acme', 'url: not a url')
        .replace('incorporates: []', 'incorporates: [missing-policy]'),
      'gamma.yaml': GOOD.replace('id: acme-model-license', 'id: other-name'),
    });
    let err: unknown;
    try { loadCatalogEntries(dir); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(OmlError);
    const msg = (err as OmlError).message;
    expect((err as OmlError).code).toBe('CATALOG');
    expect(msg).toContain('acme-model-license.yaml: field family');
    expect(msg).toContain('beta.yaml: field url');
    expect(msg).toContain('gamma.yaml: field id');
  });

  it('reports a dangling incorporates reference', () => {
    const dir = tempCatalog({ 'acme-model-license.yaml': GOOD.replace('incorporates: []', 'incorporates: [missing-policy]') });
    expect(() => loadCatalogEntries(dir)).toThrow(/acme-model-license.yaml: field incorporates.0: unknown catalog id "missing-policy"/);
  });

  it('reads fingerprints from the generated sidecar, not from the hand-written file', () => {
    const withSources = GOOD.replace('sources: []', 'sources: [acme.txt]');
    const entries = loadCatalogEntries(tempCatalog({ 'acme-model-license.yaml': withSources, 'fingerprints/acme-model-license.json': sidecar('acme-model-license') }));
    expect(entries[0]!.fingerprint).toEqual([FP]);
    expect(() => loadCatalogEntries(tempCatalog({ 'acme-model-license.yaml': `${GOOD}fingerprint: []\n` })))
      .toThrow(/acme-model-license.yaml: field fingerprint: generated data does not belong in the hand-written file/);
  });

  it('a missing, orphaned or mislabelled sidecar is an error naming the file', () => {
    const withSources = GOOD.replace('sources: []', 'sources: [acme.txt]');
    expect(() => loadCatalogEntries(tempCatalog({ 'acme-model-license.yaml': withSources })))
      .toThrow(/fingerprints\/acme-model-license.json: missing or empty: acme-model-license.yaml lists sources \(run npm run generate\)/);
    expect(() => loadCatalogEntries(tempCatalog({ 'acme-model-license.yaml': GOOD, 'fingerprints/gone.json': sidecar('gone') })))
      .toThrow(/fingerprints\/gone.json: no catalog entry gone.yaml/);
    expect(() => loadCatalogEntries(tempCatalog({ 'acme-model-license.yaml': withSources, 'fingerprints/acme-model-license.json': sidecar('other') })))
      .toThrow(/fingerprints\/acme-model-license.json: field id: "other" does not match the file name/);
    expect(() => loadCatalogEntries(tempCatalog({ 'acme-model-license.yaml': withSources, 'fingerprints/acme-model-license.json': '{"id":' })))
      .toThrow(/fingerprints\/acme-model-license.json: cannot parse/);
  });

  it('the shipped catalog is valid', () => {
    const dir = defaultCatalogDir();
    const entries = loadCatalogEntries(dir);
    expect(entries.length).toBe(readdirSync(dir).filter((f) => f.endsWith('.yaml')).length);
    const c = loadCatalog(dir);
    expect(c.entries).toEqual(entries);
    expect(c.spdx.licenses.length).toBeGreaterThan(600);
  });

  it('catalog files hold no long text runs (hashes only)', () => {
    const dir = defaultCatalogDir();
    const files = [...readdirSync(dir).filter((x) => x.endsWith('.yaml')), ...readdirSync(path.join(dir, 'fingerprints')).map((f) => `fingerprints/${f}`)];
    expect(files.length).toBeGreaterThan(200);
    for (const f of files) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      // no line with 20+ space-separated words
      expect(text.split('\n').some((l) => l.split(' ').filter(Boolean).length >= 20), f).toBe(false);
    }
  });
});
