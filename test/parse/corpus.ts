import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared/corpus relative to the repository root. */
export const CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');
export const corpusFiles = (sub: 'licenses' | 'model-cards'): string[] =>
  readdirSync(join(CORPUS, sub)).filter((f) => !f.startsWith('.')).sort().map((f) => join(CORPUS, sub, f));
