import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { extractTerms } from '../extract/engine.js';
import { parsePlain } from '../parse/plain.js';
import { splitSentences } from '../parse/sentences.js';
import type { Term } from '../types.js';
import { storedSpdxTerms } from './spdx-terms-store.js';

const require = createRequire(import.meta.url);
let ids: Record<string, unknown> | null = null;
let dir: string | null = null;

/**
 * The spdx-license-list text of one license: its own file (licenses/ID.json, the same text as the
 * package's 5 MB spdx-full.json, which a run would otherwise parse whole for one license).
 */
function spdxText(id: string): string | undefined {
  ids ??= require('spdx-license-list') as Record<string, unknown>;
  if (!Object.hasOwn(ids, id) || !/^[A-Za-z0-9.+-]+$/.test(id)) return undefined;
  dir ??= path.join(path.dirname(require.resolve('spdx-license-list/package.json')), 'licenses');
  try {
    return (JSON.parse(readFileSync(path.join(dir, `${id}.json`), 'utf8')) as { licenseText?: string }).licenseText;
  } catch {
    return (require('spdx-license-list/full') as Record<string, { licenseText?: string }>)[id]?.licenseText;
  }
}

/** The ids of the spdx-license-list package (whose texts spdxTerms reads). */
export function spdxTermIds(): string[] {
  ids ??= require('spdx-license-list') as Record<string, unknown>;
  return Object.keys(ids).filter((id) => /^[A-Za-z0-9.+-]+$/.test(id)).sort();
}

/**
 * Terms of a standard SPDX license, extracted from the spdx-license-list text (empty when unknown):
 * the build's stored terms when made by this code from this run's data (spdx-terms-store.ts), else
 * extracted now.
 */
export function spdxTerms(id: string): Term[] {
  return storedSpdxTerms(id) ?? computeSpdxTerms(id);
}

/** Terms of a standard SPDX license extracted now from its spdx-license-list text (empty when unknown). */
export function computeSpdxTerms(id: string): Term[] {
  const text = spdxText(id);
  if (!text) return [];
  const doc = parsePlain({ path: `spdx:${id}`, text: text.replace(/\r\n?/g, '\n'), encoding: 'utf-8', bytes: text.length, warnings: [] });
  return extractTerms(doc, { origin: 'catalog', via: id, split: splitSentences });
}
