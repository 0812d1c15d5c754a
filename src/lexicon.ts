/**
 * Lexicons: word lists the stages read (data/lexicons/*.yaml), validated by zod
 * when first loaded and cached. Words live in data, never in code.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { z } from 'zod';
import { OmlError } from './errors.js';
import { dataPath } from './paths.js';

const cache = new Map<string, unknown>();

/** Loads data/lexicons/<name>.yaml once, validated by `schema`; a bad file is an OmlError CATALOG naming it. */
export function loadLexicon<T>(name: string, schema: z.ZodType<T>): T {
  const hit = cache.get(name);
  if (hit !== undefined) return hit as T;
  const file = dataPath('data', 'lexicons', `${name}.yaml`);
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'), { maxAliasCount: 0 });
  } catch (e) {
    throw new OmlError('CATALOG', `cannot read lexicon: ${(e as Error).message}`, { file, cause: e });
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new OmlError('CATALOG', `invalid lexicon at ${i.path.join('.') || '(root)'}: ${i.message}`, { file });
  }
  cache.set(name, r.data);
  return r.data;
}
