/**
 * licenses/fingerprints/<id>.json: the fingerprints (hashed 5-word shingles) of
 * each catalog entry's canonical texts, computed from ../shared/corpus/licenses
 * (the texts its `sources:` names). Hashes only, never text. The hand-written
 * licenses/<id>.yaml files are only read.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { computeFingerprints } from '../../src/identify/fingerprint-store.js';
import { CATALOG_SOURCES, FINGERPRINT_DIR } from '../../src/catalog/load.js';
import { CORPUS_DIR, ROOT, json, needs, settle, type Artefact, type Generator } from './artefacts.js';

export interface CatalogSource { file: string; id: string; sources: string[] }

/** id and sources of every licenses/*.yaml (read directly: the loader itself needs the generated files). */
export function catalogSources(): CatalogSource[] {
  const dir = path.join(ROOT, 'licenses');
  return readdirSync(dir).filter((f) => CATALOG_SOURCES.test(f)).sort().map((file) => {
    const doc = parse(readFileSync(path.join(dir, file), 'utf8')) as { id?: unknown; sources?: unknown };
    if (typeof doc?.id !== 'string') throw new Error(`licenses/${file}: no id`);
    const sources = Array.isArray(doc.sources) ? doc.sources.filter((s): s is string => typeof s === 'string') : [];
    return { file, id: doc.id, sources };
  });
}

export function fingerprintArtefacts(): Artefact[] {
  const problems: string[] = [];
  const out: Artefact[] = [];
  for (const e of catalogSources()) {
    if (e.sources.length === 0) continue;
    const texts = e.sources.flatMap((source) => {
      const p = path.join(CORPUS_DIR, source);
      if (!existsSync(p)) { problems.push(`licenses/${e.file}: source ${source} not found in ${path.relative(ROOT, CORPUS_DIR)}`); return []; }
      return [{ source, text: readFileSync(p, 'utf8') }];
    });
    out.push({ path: `licenses/${FINGERPRINT_DIR}/${e.id}.json`, content: json({ id: e.id, generatedBy: 'npm run generate', fingerprint: computeFingerprints(texts) }) });
  }
  if (problems.length) throw new Error(problems.join('\n'));
  return out;
}

export const catalogFingerprints: Generator = {
  name: 'catalog-fingerprints',
  describe: `licenses/${FINGERPRINT_DIR}/<id>.json from the corpus texts each licenses/<id>.yaml lists`,
  unavailable: needs(CORPUS_DIR),
  run: async (mode) => settle('catalog-fingerprints', mode, fingerprintArtefacts(), [{ dir: `licenses/${FINGERPRINT_DIR}`, ext: '.json' }]),
};
