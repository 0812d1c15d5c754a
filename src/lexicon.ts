/**
 * Lexicons: word lists the stages read (data/lexicons/*.yaml), validated by zod
 * when first loaded and cached. Words live in data, never in code. The build
 * stores them parsed in dist/data/lexicons.json (used only while the YAML
 * sources still hash to its digest: ../compiled/index.ts), which spares the
 * YAML parser at start-up. zod validates the YAML; a compiled lexicon the build
 * validated with the same schema (src/build/lexicons.ts, listed in the file's
 * `validated`) is used as it is.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { OmlError } from './errors.js';
import { dataPath, toPosix } from './paths.js';
import { acceptedDigest, readCompiledFile, sourceFiles } from './compiled/index.js';

const cache = new Map<string, unknown>();

/** The lexicon files, as the build compiles them: name ("reader/en") -> parsed YAML. */
export const LEXICON_SOURCES = /\.yaml$/;
export function lexiconsDir(): string {
  return dataPath('data', 'lexicons');
}
export function parseLexiconFiles(dir: string, files: string[]): Record<string, unknown> {
  return Object.fromEntries(files.map((f) => [toPosix(path.relative(dir, f)).replace(LEXICON_SOURCES, ''), parse(readFileSync(f, 'utf8'), { maxAliasCount: 0 })]));
}

let compiled: { value: Record<string, unknown>; validated: ReadonlySet<string> } | null | undefined;
function compiledLexicons(): { value: Record<string, unknown>; validated: ReadonlySet<string> } | null {
  if (compiled !== undefined) return compiled;
  try {
    const dir = lexiconsDir();
    const c = readCompiledFile<Record<string, unknown>>('lexicons', dir, sourceFiles(dir, LEXICON_SOURCES));
    compiled = c ? { value: c.value, validated: new Set(c.validated ?? []) } : null;
  } catch {
    compiled = null;
  }
  return compiled;
}

/** The digest of data/lexicons the compiled lexicons were accepted for in this run; undefined when they are not used. */
export function compiledLexiconsDigest(): string | undefined {
  return compiledLexicons() ? acceptedDigest('lexicons') : undefined;
}

/** Loads data/lexicons/<name>.yaml once, validated by `schema`; a bad file is an OmlError CATALOG naming it. */
export function loadLexicon<T>(name: string, schema: z.ZodType<T>): T {
  const hit = cache.get(name);
  if (hit !== undefined) return hit as T;
  const file = dataPath('data', 'lexicons', `${name}.yaml`);
  const c = compiledLexicons();
  let raw: unknown = c?.value[name];
  if (raw !== undefined && c!.validated.has(name)) {
    cache.set(name, raw);
    return raw as T;
  }
  try {
    raw ??= parse(readFileSync(file, 'utf8'), { maxAliasCount: 0 });
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
