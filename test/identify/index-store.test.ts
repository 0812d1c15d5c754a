/**
 * The build's compiled shingle index (dist/data/shingle-index.*, src/identify/index-store.ts): current
 * (equal to the index a run would build), and ignored when stale or damaged, so the run builds its own
 * and identifies the same.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { getLoadedCatalog } from '../../src/catalog/index.js';
import { readStoredIndex, storedIndexPaths, writeStoredIndex } from '../../src/identify/index-store.js';
import { buildIndex, buildMatcher, type Template } from '../../src/identify/templates.js';

const built = storedIndexPaths();
const dir = mkdtempSync(path.join(tmpdir(), 'oml-index-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Fresh templates of the package's catalog, and the index built over them (sets their `sampled`). */
function fresh(): { templates: Template[]; sampled: number[]; index: ReturnType<typeof buildIndex> } {
  const { templates } = buildMatcher(getLoadedCatalog());
  const index = buildIndex(templates);
  return { templates, sampled: templates.map((t) => t.sampled), index };
}

const copy = (name: string) => {
  const p = storedIndexPaths(path.join(dir, `${name}.json`));
  copyFileSync(built.meta, p.meta);
  copyFileSync(built.bin, p.bin);
  return p;
};

describe.runIf(existsSync(built.meta))('compiled shingle index', () => {
  test('the built index is current: a run uses it, and it equals the index built from the templates', () => {
    const { templates, sampled, index } = fresh();
    for (const t of templates) t.sampled = -1;
    const stored = readStoredIndex(templates);
    expect(stored, 'dist/data/shingle-index is stale: run npm run build').not.toBeNull();
    expect({ ...stored! }).toEqual({ ...index });
    expect(templates.map((t) => t.sampled)).toEqual(sampled);
  });

  test('stale: one template with another sequence (or one template fewer) is not served the stored index', () => {
    const { templates } = fresh();
    const p = copy('stale');
    expect(readStoredIndex(templates, p)).not.toBeNull();
    const changed = templates.map((t, i) => (i === 3 ? { ...t, seq: t.seq.map((h) => h ^ 8) } : t));
    expect(readStoredIndex(changed, p)).toBeNull();
    expect(readStoredIndex(templates.slice(1), p)).toBeNull();
  });

  test('damaged: a flipped byte, a truncated file or a broken description is ignored', () => {
    const { templates } = fresh();
    const flip = copy('flip');
    const bytes = readFileSync(flip.bin);
    bytes[bytes.length >> 1] ^= 1;
    writeFileSync(flip.bin, bytes);
    expect(readStoredIndex(templates, flip)).toBeNull();
    const cut = copy('cut');
    writeFileSync(cut.bin, readFileSync(cut.bin).subarray(0, 1000));
    expect(readStoredIndex(templates, cut)).toBeNull();
    const meta = copy('meta');
    writeFileSync(meta.meta, readFileSync(meta.meta, 'utf8').slice(0, 40));
    expect(readStoredIndex(templates, meta)).toBeNull();
  });

  test('write then read gives back the same index (the build step)', () => {
    const { templates, index } = fresh();
    const p = storedIndexPaths(path.join(dir, 'round.json'));
    writeStoredIndex(templates, index, p);
    expect({ ...readStoredIndex(templates, p)! }).toEqual({ ...index });
  });
});
