import { createRequire } from 'node:module';
import { extractTerms } from '../extract/engine.js';
import { parsePlain } from '../parse/plain.js';
import { splitSentences } from '../parse/sentences.js';
import type { Term } from '../types.js';

const require = createRequire(import.meta.url);
let full: Record<string, { licenseText?: string }> | null = null;

/** Terms of a standard SPDX license, extracted from the spdx-license-list text (empty when unknown). */
export function spdxTerms(id: string): Term[] {
  full ??= require('spdx-license-list/full') as Record<string, { licenseText?: string }>;
  const text = full[id]?.licenseText;
  if (!text) return [];
  const doc = parsePlain({ path: `spdx:${id}`, text: text.replace(/\r\n?/g, '\n'), encoding: 'utf-8', bytes: text.length, warnings: [] });
  return extractTerms(doc, { origin: 'catalog', via: id, split: splitSentences });
}
