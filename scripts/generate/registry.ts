/**
 * Every generator of the repository, in the order they run (later ones may read
 * what earlier ones wrote: the catalog terms use the fingerprints' catalog, the
 * docs show the rules table). Goldens (test/golden) and blind baselines are not
 * here: they are reviewed outputs, not derived data.
 */
import type { Generator, Mode, Outcome } from './artefacts.js';
import { catalogFingerprints } from './catalog-fingerprints.js';
import { messages } from './messages.js';
import { spdxTemplates, spdxXmlFingerprints } from './spdx.js';
import { catalogTerms } from './catalog-terms.js';
import { schemas } from './schemas.js';
import { rulesTable } from './rules-table.js';
import { docs } from './docs.js';
import { redosProofs, type RedosOptions } from './redos-proofs.js';

export function generators(opts: RedosOptions = {}): Generator[] {
  return [messages, catalogFingerprints, spdxTemplates, spdxXmlFingerprints, catalogTerms, schemas, rulesTable, docs, redosProofs(opts)];
}

/** Runs the generators (all, or those named in `only`); a generator whose inputs are absent is skipped with its reason. */
export async function runGenerators(mode: Mode, only?: readonly string[], opts: RedosOptions = {}): Promise<Outcome[]> {
  const all = generators(opts);
  const unknown = (only ?? []).filter((n) => !all.some((g) => g.name === n));
  if (unknown.length) throw new Error(`unknown generator(s) ${unknown.join(', ')} (known: ${all.map((g) => g.name).join(', ')})`);
  const out: Outcome[] = [];
  for (const g of all) {
    if (only && !only.includes(g.name)) continue;
    const why = g.unavailable?.() ?? null;
    out.push(why ? { name: g.name, changed: [], skipped: why } : await g.run(mode));
  }
  return out;
}
