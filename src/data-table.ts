/**
 * The one loader of the package's YAML data tables (data/*.yaml): read once,
 * validated with zod; bad data is OmlError('CATALOG') naming the file and the
 * field. A base module (assess and survey tables both use it).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { z } from 'zod';
import { readCompiled } from './compiled/index.js';
import { OmlError } from './errors.js';
import { dataPath } from './paths.js';

const cache = new Map<string, unknown>();

/** data/<file>, validated; with `compiled`, the build's validated copy (dist/data/table-<file>.json) is used when current. */
export function loadDataFile<T>(file: string, schema: z.ZodType<T>, opts: { compiled?: boolean } = {}): T {
  const hit = cache.get(file);
  if (hit) return hit as T;
  const p = dataPath('data', file);
  const compiled = opts.compiled ? readCompiled<T>(`table-${file}`, dataPath('data'), [p]) : null;
  if (compiled) {
    cache.set(file, compiled);
    return compiled;
  }
  let raw: unknown;
  try {
    raw = parse(readFileSync(p, 'utf8'));
  } catch (e) {
    throw new OmlError('CATALOG', `cannot read data table: ${(e as Error).message}`, { file: p, cause: e });
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new OmlError('CATALOG', `invalid data table at ${i.path.join('.') || '(root)'}: ${i.message}`, { file: p });
  }
  cache.set(file, r.data);
  return r.data;
}
